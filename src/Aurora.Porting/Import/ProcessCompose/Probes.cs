using YamlDotNet.RepresentationModel;

namespace Aurora.Porting.Import.ProcessCompose;

/// readiness_probe / liveness_probe → health. Aurora has one check that serves both (dependents wait for healthy; a
/// service unhealthy while it runs is restarted): the readiness probe is taken, else the liveness probe.
internal static class Probes
{
    public static ImportedHealth? Read(YamlNode p, string[] shell, string service, ImportContext ctx)
    {
        var readiness = YamlTree.Get(p, "readiness_probe");
        var liveness = YamlTree.Get(p, "liveness_probe");
        if (readiness is not null && liveness is not null)
        {
            ctx.Skip(service, "liveness_probe", "Aurora has one health check per service; the readiness probe was taken");
        }

        var probe = readiness ?? liveness;
        if (probe is null)
        {
            return null;
        }

        var health = new ImportedHealth
        {
            Interval = Seconds(probe, "period_seconds"),
            Timeout = Seconds(probe, "timeout_seconds"),
            Retries = YamlTree.Int(probe, "failure_threshold") is >= 1 and var f ? f : null,
            StartPeriod = Seconds(probe, "initial_delay_seconds"),
        };
        if (YamlTree.Int(probe, "success_threshold") is > 1 and var st)
        {
            ctx.Skip(service, $"success_threshold {st}", "Aurora is healthy after one good check");
        }

        if (YamlTree.Text(YamlTree.Get(probe, "exec"), "command") is { } command)
        {
            return health with { Exec = ProcessComposeImporter.Argv(command, shell) };
        }

        if (YamlTree.Get(probe, "http_get") is YamlMappingNode http)
        {
            var scheme = YamlTree.Text(http, "scheme") ?? "http";
            if (scheme != "http")
            {
                ctx.Skip(service, $"http_get {scheme}://{YamlTree.Text(http, "host")}", "Aurora's http check speaks plain http only");
                return null;
            }

            var host = YamlTree.Text(http, "host") ?? "127.0.0.1";
            var port = YamlTree.Text(http, "port") is { } p2 ? ":" + p2.Replace("{{.PC_REPLICA_NUM}}", "{replica}", StringComparison.Ordinal) : "";
            var path = YamlTree.Text(http, "path") ?? "/";
            return health with { Http = $"http://{host}{port}{(path.StartsWith('/') ? path : "/" + path)}" };
        }

        ctx.Skip(service, "probe", "neither exec nor http_get");
        return null;
    }

    private static TimeSpan? Seconds(YamlNode probe, string key) =>
        YamlTree.Number(probe, key) is { } n and >= 0.1 and <= 86_400 ? TimeSpan.FromSeconds(n) : null;
}
