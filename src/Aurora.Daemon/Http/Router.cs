namespace Aurora.Daemon.Http;

internal delegate Task RequestHandler(HttpExchange exchange);

/// Routes by method and path template ("/api/v1/services/{name}/logs"): literal segments match exactly,
/// `{name}` captures one percent-decoded segment. A path that matches with another method gets 405; a path
/// under a fallback prefix that matches nothing gets that fallback.
internal sealed class Router
{
    private readonly List<(string? Method, string[] Segments, RequestHandler Handler)> _routes = [];
    private readonly List<(string Prefix, RequestHandler Handler)> _fallbacks = [];
    private readonly List<(string[] Segments, Func<bool> When)> _public = [];

    public void Get(string template, RequestHandler handler) => Add("GET", template, handler);

    public void Post(string template, RequestHandler handler) => Add("POST", template, handler);

    /// Any method (WebSocket endpoints, which browsers reach with GET).
    public void Any(string template, RequestHandler handler) => Add(null, template, handler);

    public void Fallback(string prefix, RequestHandler handler) => _fallbacks.Add((prefix, handler));

    /// Lets GET (and HEAD) of a route through the TCP guard without the token while `when` holds; the guard
    /// asks at every request (so a reload applies at once) and honours it only on a loopback listener.
    public void Public(string template, Func<bool> when) =>
        _public.Add((template.Split('/', StringSplitOptions.RemoveEmptyEntries), when));

    public bool IsPublic(HttpRequest request)
    {
        if (!request.IsGetOrHead || _public.Count == 0)
        {
            return false;
        }

        var segments = request.RawPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (template, when) in _public)
        {
            if (Matches(template, segments, values: null) && when())
            {
                return true;
            }
        }

        return false;
    }

    /// The handler for this exchange, with its route values filled in; null when nothing matches.
    public RequestHandler? Match(HttpExchange exchange, out bool wrongMethod)
    {
        wrongMethod = false;
        var path = exchange.Request.RawPath;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = exchange.Request.Method == "HEAD" ? "GET" : exchange.Request.Method;
        foreach (var (routeMethod, template, handler) in _routes)
        {
            if (!Matches(template, segments, values: null))
            {
                continue;
            }

            if (routeMethod is not null && routeMethod != method)
            {
                wrongMethod = true;
                continue;
            }

            Matches(template, segments, exchange.RouteValues);
            return handler;
        }

        if (wrongMethod)
        {
            return null;
        }

        return _fallbacks.FirstOrDefault(f => path == f.Prefix || path.StartsWith(f.Prefix + "/", StringComparison.Ordinal)).Handler;
    }

    private void Add(string? method, string template, RequestHandler handler) =>
        _routes.Add((method, template.Split('/', StringSplitOptions.RemoveEmptyEntries), handler));

    private static bool Matches(string[] template, string[] segments, Dictionary<string, string>? values)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                values?.Add(t[1..^1], Uri.UnescapeDataString(segments[i]));
            }
            else if (!t.Equals(segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
