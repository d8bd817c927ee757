using Aurora.Core.Processes;
using YamlDotNet.RepresentationModel;

namespace Aurora.Porting.Import.Compose;

/// One Compose service → one Aurora service.
internal static class ComposeService
{
    /// Keys read below; any other (but `x-…`) is listed as not carried over.
    private static readonly HashSet<string> Read =
    [
        "command", "entrypoint", "environment", "env_file", "depends_on", "healthcheck", "restart", "stop_signal",
        "stop_grace_period", "profiles", "ports", "working_dir", "deploy", "mem_limit", "cpus", "image",
    ];

    private static readonly Dictionary<string, string> Conditions = new()
    {
        ["service_started"] = "started",
        ["service_healthy"] = "healthy",
        ["service_completed_successfully"] = "completed",
    };

    public static ImportedService Convert(string name, string sourceName, YamlNode node, ImportContext ctx, HashSet<int> takenPorts)
    {
        var s = new ImportedService(name, sourceName);
        Command(s, node);
        Environment(s, node, ctx);
        DependsOn(s, node, ctx);
        s.Health = ComposeHealth.Read(YamlTree.Get(node, "healthcheck"), name, ctx);
        Restart(s, node, ctx);
        if (YamlTree.Text(node, "stop_signal") is { } signal)
        {
            if (Signals.Parse(signal) is { } number)
            {
                s.StopSignal = Signals.Name(number);
            }
            else
            {
                ctx.Skip(name, $"stop_signal {signal}", "not a signal Aurora knows");
            }
        }

        s.StopTimeout = ComposeValues.Duration(YamlTree.Text(node, "stop_grace_period"));
        s.Profiles.AddRange(YamlTree.Strings(YamlTree.Get(node, "profiles")) ?? []);
        ComposePorts.Read(s, YamlTree.Get(node, "ports"), ctx, takenPorts);
        if (YamlTree.Text(node, "working_dir") is { } dir)
        {
            s.Cwd = ctx.Directory(dir);
            if (s.Cwd is null)
            {
                ctx.Skip(name, $"working_dir {dir}", "not a directory on this host (it is a path inside the container)");
            }
        }

        ComposeDeploy.Read(s, node, ctx);
        if (YamlTree.Text(node, "image") is { } image)
        {
            s.Comments.Add($"image {image}: the command runs on this host, not in the container");
        }

        foreach (var (key, _) in YamlTree.Entries(node).Where(e => !Read.Contains(e.Key) && !e.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            ctx.Skip(name, key, "a container setting; Aurora runs the command on this host");
        }

        return s;
    }

    /// Compose splits a string command into words (no shell runs it), and the entrypoint comes before the command.
    private static void Command(ImportedService s, YamlNode node)
    {
        foreach (var key in new[] { "entrypoint", "command" })
        {
            var value = YamlTree.Get(node, key);
            s.Command.AddRange(value is YamlScalarNode && YamlTree.Text(value) is { } text
                ? ShellWords.Split(text) ?? [text]
                : YamlTree.Strings(value) ?? []);
        }
    }

    private static void Environment(ImportedService s, YamlNode node, ImportContext ctx)
    {
        var files = YamlTree.Get(node, "env_file") switch
        {
            YamlSequenceNode seq => seq.Children.Select(c => (Path: YamlTree.Text(c) ?? YamlTree.Text(c, "path"), Required: YamlTree.Bool(c, "required") ?? true)).ToList(),
            var single when YamlTree.Text(single) is { } path => [(path, true)],
            _ => [],
        };
        foreach (var (path, required) in files.Where(f => f.Path is not null))
        {
            var found = ctx.File(path!);
            if (found is not null && s.EnvFile is null)
            {
                s.EnvFile = found;
            }
            else
            {
                ctx.Skip(s.Name, $"env_file {path}", found is null
                    ? $"not found next to the Compose file{(required ? "" : " (it was optional)")}; create it, then add env_file: {path}"
                    : "Aurora takes one env_file per service; merge it into the first or into env:");
            }
        }

        switch (YamlTree.Get(node, "environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in YamlTree.Entries(map))
                {
                    // `KEY:` with no value passes the host's value through, which ${KEY} does in aurora.yaml.
                    s.SetEnv(key, YamlTree.Text(value) ?? $"${{{key}}}");
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Select(YamlTree.Text).Where(t => t is not null))
                {
                    var eq = item!.IndexOf('=', StringComparison.Ordinal);
                    s.SetEnv(eq < 0 ? item : item[..eq], eq < 0 ? $"${{{item}}}" : item[(eq + 1)..]);
                }

                break;
        }
    }

    private static void DependsOn(ImportedService s, YamlNode node, ImportContext ctx)
    {
        var value = YamlTree.Get(node, "depends_on");
        var entries = value is YamlSequenceNode seq
            ? seq.Children.Select(YamlTree.Text).Where(t => t is not null).Select(t => (Name: t!, Condition: "service_started")).ToList()
            : [.. YamlTree.Entries(value).Select(e => (Name: e.Key, Condition: YamlTree.Text(e.Value, "condition") ?? "service_started"))];
        foreach (var (dependency, condition) in entries)
        {
            var target = ctx.Names.Find(dependency) ?? dependency;
            if (Conditions.TryGetValue(condition, out var aurora))
            {
                s.DependsOn.Add(KeyValuePair.Create(target, aurora));
            }
            else
            {
                ctx.Skip(s.Name, $"depends_on {dependency}: {condition}", "not a Compose condition Aurora knows");
            }
        }
    }

    private static void Restart(ImportedService s, YamlNode node, ImportContext ctx)
    {
        var text = YamlTree.Text(node, "restart") ?? "no";
        var (policy, count) = text.Split(':', 2) switch
        {
            ["no"] => ("never", (int?)null),
            ["always"] or ["unless-stopped"] => ("always", null),
            ["on-failure"] => ("on-failure", null),
            ["on-failure", var n] when int.TryParse(n, out var max) && max > 0 => ("on-failure", max),
            _ => (null, null),
        };
        if (policy is null)
        {
            ctx.Skip(s.Name, $"restart {text}", "not a Compose restart policy");
            return;
        }

        s.Restart = s.Restart with { Policy = policy, LimitCount = count };
        if (count is not null)
        {
            s.Comments.Add($"restart {text}: Compose stops after {count} restarts in all; Aurora's restart.limit counts exits within a window (60s unless limit.within says)");
        }
    }
}
