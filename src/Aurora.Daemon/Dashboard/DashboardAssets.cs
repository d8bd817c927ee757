using System.Collections.Frozen;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Dashboard;

/// The dashboard page, embedded in the binary (no web server, no CDN, no build step).
internal static class DashboardAssets
{
    /// Scripts and styles come only from the daemon itself; the page talks only to it ('self' covers
    /// its own ws:// origin too, CSP Level 3).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Files =
        new Dictionary<string, (string, string)>
        {
            ["/"] = ("index.html", "text/html; charset=utf-8"),
            ["/index.html"] = ("index.html", "text/html; charset=utf-8"),
            ["/app.js"] = ("app.js", "text/javascript; charset=utf-8"),
            ["/app.css"] = ("app.css", "text/css; charset=utf-8"),
            ["/favicon.svg"] = ("favicon.svg", "image/svg+xml"),
        }.ToFrozenDictionary();

    public static bool IsAsset(HttpRequest request) => request.IsGetOrHead && Files.ContainsKey(request.RawPath);

    public static void Map(Router router)
    {
        foreach (var (path, (resource, contentType)) in Files)
        {
            var bytes = Load(resource);
            router.Get(path, x =>
            {
                x.SetHeader("Content-Security-Policy", ContentSecurityPolicy);
                x.SetHeader("Cache-Control", "no-cache");
                return x.BytesAsync(200, bytes, contentType);
            });
        }
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("dashboard/" + name)
            ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded in the binary");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
