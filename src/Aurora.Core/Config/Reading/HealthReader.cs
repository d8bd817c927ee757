using System.Collections.Immutable;

namespace Aurora.Core.Config.Reading;

internal static class HealthReader
{
    public static readonly string[] Keys = ["http", "tcp", "exec", "interval", "timeout", "retries", "start_period"];

    private static readonly string[] Kinds = ["http", "tcp", "exec"];

    public static HealthCheckConfig? Read(YamlMap service, string workingDirectory, ReadContext ctx)
    {
        if (service.Map("health", Keys) is not { } map)
        {
            return null;
        }

        var interval = map.Duration("interval", TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100), TimeSpan.MaxValue);
        var timeout = map.Duration("timeout", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1), TimeSpan.MaxValue);
        var retries = map.Int("retries", 3, 1, int.MaxValue);
        var startPeriod = map.Duration("start_period", TimeSpan.Zero, TimeSpan.Zero, TimeSpan.MaxValue);

        var kinds = Kinds.Where(map.Has).ToArray();
        if (kinds.Length == 0 && Kinds.Any(map.WasSuggested))
        {
            return null;
        }

        if (kinds.Length == 0)
        {
            ctx.Bag.Error(map.Node.Start, map.Path, "needs one of http, tcp or exec, e.g. tcp: \"127.0.0.1:6379\"");
            return null;
        }

        if (kinds.Length > 1)
        {
            ctx.Bag.Error(map.KeyNode(kinds[1])!.Start, map.Path,
                $"has both {kinds[0]} and {kinds[1]}; use exactly one of http, tcp or exec");
            return null;
        }

        var (kind, target, argv) = ReadTarget(map, kinds[0], workingDirectory, ctx);
        return target is null ? null : new HealthCheckConfig(kind, target, argv, interval, timeout, retries, startPeriod);
    }

    private static (HealthCheckKind, string?, ImmutableArray<string>) ReadTarget(YamlMap map, string kind, string workingDirectory, ReadContext ctx)
    {
        var node = map.Get(kind);
        var path = map.PathOf(kind);
        if (node is null)
        {
            ctx.Bag.Error(map.KeyNode(kind)!.Start, path, $"has no value; give the {kind} target");
            return (HealthCheckKind.Http, null, []);
        }

        if (kind == "exec")
        {
            var argv = ArgvReader.Read(node, path, ctx.Bag, ArgvReader.ShellHintForArgv);
            if (argv is { } found)
            {
                CommandCheck.Warn(found[0], workingDirectory, node.Start, path, ctx);
            }

            return (HealthCheckKind.Exec, argv is null ? null : "", argv ?? []);
        }

        var text = ScalarReader.Text(node, path, ctx.Bag, "a string");
        if (text is null)
        {
            return (HealthCheckKind.Http, null, []);
        }

        // A replica's check is validated as replica 1 would have it ("127.0.0.1:80{replica}" → "127.0.0.1:801").
        var checkedText = text.Replace(Replicas.Placeholder, "1", StringComparison.Ordinal);
        if (kind == "tcp")
        {
            var ok = HostPort.TryParse(checkedText, out _, out _);
            if (!ok)
            {
                ctx.Bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not host:port; e.g. tcp: \"127.0.0.1:6379\"");
            }

            return (HealthCheckKind.Tcp, ok ? text : null, []);
        }

        var isHttp = Uri.TryCreate(checkedText, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Host.Length > 0;
        if (!isHttp)
        {
            ctx.Bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not an http:// URL; e.g. http: http://127.0.0.1:8080/health");
        }

        return (HealthCheckKind.Http, isHttp ? text : null, []);
    }
}
