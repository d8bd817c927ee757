namespace Aurora.Core.Config.Reading;

/// `metrics: { public: true }`: /metrics without a token on the dashboard listener. Refused on a listener that
/// is not loopback (anyone who can reach the port could read it); a warning without a dashboard, where the
/// key would do nothing (the unix socket needs no token anyway).
internal static class MetricsReader
{
    public static readonly string[] Keys = ["public"];

    public static MetricsConfig Read(YamlMap root, DashboardConfig? dashboard)
    {
        if (root.Map("metrics", Keys) is not { } map || !map.Bool("public", false))
        {
            return MetricsConfig.Default;
        }

        var at = map.Get("public")!.Start;
        if (dashboard is null)
        {
            if (!root.Has("dashboard"))
            {
                map.Bag.Warning(at, map.PathOf("public"),
                    "has no effect without a dashboard: listener (the unix socket needs no token); add dashboard: { listen: \"127.0.0.1:7070\" } to serve /metrics over TCP");
            }

            return MetricsConfig.Default;
        }

        if (!DashboardReader.IsLoopback(dashboard.Host))
        {
            map.Bag.Error(at, map.PathOf("public"),
                $"opens /metrics without the token, which is allowed only on a loopback dashboard listener, and dashboard.listen is {YamlNodes.Quote(Diagnosis.Endpoints.Format(dashboard.Host, dashboard.Port))}; scrape it with the bearer token in .aurora/token instead (authorization: {{ credentials_file: .aurora/token }})");
            return MetricsConfig.Default;
        }

        return new MetricsConfig(true);
    }
}
