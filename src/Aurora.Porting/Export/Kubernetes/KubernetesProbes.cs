using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Kubernetes;

/// `health` as probes: liveness and readiness run the check every interval and act after `retries` failures; a
/// start_period becomes a startup probe that allows that long (plus the retries) before liveness takes over.
/// Kubernetes counts in whole seconds (rounded up, and listed). An http or tcp check of another host than the
/// container's own loopback cannot be a probe of this container.
internal static class KubernetesProbes
{
    private static readonly string[] Loopback = ["127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0"];

    public static void Add(YamlMapping container, ServiceConfig s, OmissionList omissions)
    {
        if (s.Health is not { } health || Action(health, s.DeclaredName, omissions) is not { } action)
        {
            return;
        }

        var period = Seconds(health.Interval, "health.interval", s.DeclaredName, omissions);
        var timeout = Seconds(health.Timeout, "health.timeout", s.DeclaredName, omissions);
        YamlMapping Probe(long failures) => Copy(action).Add("periodSeconds", period).Add("timeoutSeconds", timeout).Add("failureThreshold", failures);
        container.Add("livenessProbe", Probe(health.Retries));
        container.Add("readinessProbe", Probe(health.Retries));
        if (health.StartPeriod > TimeSpan.Zero)
        {
            container.Add("startupProbe", Probe((long)Math.Ceiling(health.StartPeriod.TotalSeconds / period) + health.Retries));
        }
    }

    private static YamlMapping? Action(HealthCheckConfig health, string service, OmissionList omissions)
    {
        if (health.Kind == HealthCheckKind.Exec)
        {
            return new YamlMapping().Add("exec", new YamlMapping().Add("command", YamlNode.Texts(health.ExecArgv)));
        }

        if (health.Kind == HealthCheckKind.Http && Uri.TryCreate(health.Target, UriKind.Absolute, out var url) && Loopback.Contains(url.Host))
        {
            return new YamlMapping().Add("httpGet", new YamlMapping()
                .Add("path", url.PathAndQuery)
                .Add("port", (long)url.Port)
                .Add("scheme", url.Scheme.ToUpperInvariant()));
        }

        var colon = health.Target.LastIndexOf(':');
        if (health.Kind == HealthCheckKind.Tcp && Loopback.Contains(health.Target[..colon]) && long.TryParse(health.Target[(colon + 1)..], out var port))
        {
            return new YamlMapping().Add("tcpSocket", new YamlMapping().Add("port", port));
        }

        omissions.Add(service, "health", $"{health.Target} is not this container's own address: a probe checks the container itself");
        return null;
    }

    private static long Seconds(TimeSpan span, string what, string service, OmissionList omissions)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(span.TotalSeconds));
        if (seconds != span.TotalSeconds)
        {
            omissions.Add(service, what, $"{span.TotalMilliseconds}ms is {seconds}s here: probes count whole seconds");
        }

        return seconds;
    }

    private static YamlMapping Copy(YamlMapping action)
    {
        var copy = new YamlMapping();
        foreach (var (key, value) in action.Entries)
        {
            copy.Add(key, value);
        }

        return copy;
    }
}
