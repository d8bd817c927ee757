using YamlDotNet.RepresentationModel;

namespace Aurora.Porting.Import.Compose;

/// `healthcheck:` → `health:`: test `["CMD", argv…]` is an exec check, `["CMD-SHELL", "…"]` or a plain string runs
/// with /bin/sh -c, `["NONE"]` or `disable: true` means no check; interval, timeout, retries and start_period carry.
internal static class ComposeHealth
{
    public static ImportedHealth? Read(YamlNode? node, string service, ImportContext ctx)
    {
        if (node is null || YamlTree.Bool(node, "disable") == true)
        {
            return null;
        }

        var test = YamlTree.Get(node, "test");
        var exec = test switch
        {
            YamlScalarNode when YamlTree.Text(test) is { } shell => ["/bin/sh", "-c", shell],
            YamlSequenceNode => YamlTree.Strings(test) switch
            {
                ["CMD", .. var argv] when argv.Count > 0 => argv,
                ["CMD-SHELL", var shell] => ["/bin/sh", "-c", shell],
                _ => null,
            },
            _ => null,
        };
        if (exec is null)
        {
            if (YamlTree.Strings(test) is not ["NONE"] && test is not null)
            {
                ctx.Skip(service, "healthcheck", "its test is neither [\"CMD\", …], [\"CMD-SHELL\", \"…\"] nor a string");
            }

            return null;
        }

        if (YamlTree.Get(node, "start_interval") is not null)
        {
            ctx.Skip(service, "healthcheck.start_interval", "Aurora checks at one interval, start period included");
        }

        var interval = ComposeValues.Duration(YamlTree.Text(node, "interval"));
        var retries = YamlTree.Int(node, "retries");
        return new ImportedHealth
        {
            Exec = exec,
            Interval = interval is { TotalMilliseconds: >= 100 } ? interval : null,
            Timeout = ComposeValues.Duration(YamlTree.Text(node, "timeout")) is { TotalMilliseconds: >= 1 } t ? t : null,
            Retries = retries >= 1 ? retries : null,
            StartPeriod = ComposeValues.Duration(YamlTree.Text(node, "start_period")),
        };
    }
}
