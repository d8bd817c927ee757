using System.Collections.Frozen;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Dashboard;

/// The dashboard page, embedded in the binary (no web server, no CDN, no build step). Every file of
/// wwwroot is served at /NAME with the type its extension says, so a new ES module needs no code here.
internal static class DashboardAssets
{
    /// Scripts and styles come only from the daemon itself; the page talks only to it ('self' covers
    /// its own ws:// origin too, CSP Level 3).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string ResourcePrefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// Path -> (resource, content type): "/" is index.html.
    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Files = Discover();

    /// The URL paths served, "/" included.
    public static IEnumerable<string> Paths => Files.Keys;

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

    private static FrozenDictionary<string, (string, string)> Discover()
    {
        var files = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var resource in typeof(DashboardAssets).Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..];
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name))
                ?? throw new InvalidOperationException(
                    $"the dashboard asset {name} has no known content type; known: {string.Join(", ", ContentTypes.Keys)}");
            files["/" + name] = (resource, type);
        }

        if (!files.TryGetValue("/index.html", out var index))
        {
            throw new InvalidOperationException("the dashboard's index.html is not embedded in the binary");
        }

        files["/"] = index;
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Load(string resource)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the dashboard asset {resource} is not embedded in the binary");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
