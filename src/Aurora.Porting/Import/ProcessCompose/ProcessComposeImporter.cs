using System.Text.RegularExpressions;
using Aurora.Porting.Yaml;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace Aurora.Porting.Import.ProcessCompose;

/// process-compose.yaml: each process runs its command with a shell (`shell.shell_command`, bash by default). A
/// command that needs one keeps that shell as argv ([bash, -c, …], its `$` left for the shell); one that does not is
/// split. Environment values keep `${VAR}` (process-compose interpolates as Aurora does).
public static partial class ProcessComposeImporter
{
    private static readonly HashSet<string> Read =
    [
        "command", "working_dir", "environment", "depends_on", "readiness_probe", "liveness_probe", "availability",
        "shutdown", "replicas", "disabled", "ready_log_line", "description",
    ];

    private static readonly Dictionary<string, string> Conditions = new()
    {
        ["process_started"] = "started",
        ["process_healthy"] = "healthy",
        ["process_completed_successfully"] = "completed",
        ["process_completed"] = "exited",
        ["process_log_ready"] = "ready",
    };

    public static List<ImportedService> Convert(string text, ImportContext ctx)
    {
        var root = YamlTree.Load(text, ctx.SourceFile);
        var processes = YamlTree.Map(root, "processes") ?? throw new ImportException($"{Path.GetFileName(ctx.SourceFile)}: no processes: mapping");
        var shell = new[] { YamlTree.Text(YamlTree.Get(root, "shell"), "shell_command") ?? "bash", YamlTree.Text(YamlTree.Get(root, "shell"), "shell_argument") ?? "-c" };
        var global = YamlTree.Strings(YamlTree.Get(root, "environment")) ?? [];
        var named = YamlTree.Entries(processes).Select(e => (Name: ctx.Names.Add(e.Key), e.Key, e.Value)).ToList();
        return [.. named.Select(p => Process(p.Name, p.Key, p.Value, shell, global, ctx))];
    }

    private static ImportedService Process(string name, string sourceName, YamlNode p, string[] shell, List<string> global, ImportContext ctx)
    {
        var s = new ImportedService(name, sourceName);
        var command = YamlTree.Text(p, "command") ?? throw new ImportException($"{Path.GetFileName(ctx.SourceFile)}: process {sourceName} has no command");
        s.Command.AddRange(Argv(command, shell, p));
        if (YamlTree.Text(p, "working_dir") is { } dir)
        {
            s.Cwd = ctx.Directory(dir);
            if (s.Cwd is null)
            {
                ctx.Skip(name, $"working_dir {dir}", "not a directory here; Aurora needs the directory to exist");
            }
        }

        foreach (var item in global.Concat(YamlTree.Strings(YamlTree.Get(p, "environment")) ?? []))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                s.SetEnv(item[..eq], Replica(item[(eq + 1)..]));
            }
        }

        foreach (var (dependency, value) in YamlTree.Entries(YamlTree.Get(p, "depends_on")))
        {
            var condition = YamlTree.Text(value, "condition") ?? "process_started";
            if (Conditions.TryGetValue(condition, out var aurora))
            {
                s.DependsOn.Add(KeyValuePair.Create(ctx.Names.Find(dependency) ?? dependency, aurora));
            }
            else
            {
                ctx.Skip(name, $"depends_on {dependency}: {condition}", "not a process-compose condition Aurora knows");
            }
        }

        if (YamlTree.Text(p, "ready_log_line") is { } line)
        {
            s.ReadyLog = Regex.Escape(line);
        }

        s.Health = Probes.Read(p, shell, name, ctx);
        Availability(s, YamlTree.Get(p, "availability"), ctx);
        Shutdown(s, YamlTree.Get(p, "shutdown"), ctx);
        if (YamlTree.Int(p, "replicas") is > 1 and var replicas)
        {
            s.Replicas = Math.Min(replicas, 64);
            s.Comments.Add("replicas: Aurora numbers instances from 1 ({replica}); process-compose's PC_REPLICA_NUM starts at 0");
        }

        if (YamlTree.Bool(p, "disabled") == true)
        {
            s.Profiles.Add("disabled");
            s.Comments.Add("disabled in process-compose: not started with the stack; `aurora up --profile disabled` starts it");
        }

        if (YamlTree.Text(p, "description") is { } description)
        {
            s.Comments.Add(description);
        }

        foreach (var (key, _) in YamlTree.Entries(p).Where(e => !Read.Contains(e.Key)))
        {
            ctx.Skip(name, key, key switch
            {
                "namespace" => "Aurora has no namespaces; every service is in the one project",
                "log_location" => "Aurora keeps each service's output in .aurora/logs/NAME.log",
                "is_daemon" => "Aurora supervises a process that stays in the foreground",
                _ => "no Aurora equivalent",
            });
        }

        return s;
    }

    /// A command as argv: split when no shell is needed, else run by the project's shell with `$` left to it.
    internal static List<string> Argv(string command, string[] shell, YamlNode? p = null)
    {
        var literal = YamlTree.Bool(p, "disable_env_expansion") == true;
        if (!ShellWords.NeedsShell(command) && ShellWords.Split(command) is { Count: > 0 } words)
        {
            return [.. words.Select(w => Replica(literal ? AuroraValues.Literal(w) : w))];
        }

        return [shell[0], shell[1], Replica(AuroraValues.Literal(command.TrimEnd('\n')))];
    }

    private static string Replica(string text) => ReplicaNum().Replace(text, "{replica}");

    private static void Availability(ImportedService s, YamlNode? a, ImportContext ctx)
    {
        var restart = YamlTree.Text(a, "restart") ?? "no";
        var policy = restart switch
        {
            "always" => "always",
            "on_failure" => "on-failure",
            "exit_on_failure" => "on-failure",
            _ => "never",
        };
        if (restart == "exit_on_failure")
        {
            ctx.Skip(s.Name, "availability.restart exit_on_failure", "process-compose then stops the whole project; Aurora restarts the service on failure instead");
        }

        var backoff = YamlTree.Number(a, "backoff_seconds") is > 0 and <= 3600 and var seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        s.Restart = new ImportedRestart
        {
            Policy = policy,
            BackoffInitial = backoff,
            BackoffMax = backoff,
            BackoffMultiplier = backoff is null ? null : 1,
            LimitCount = YamlTree.Int(a, "max_restarts") is > 0 and var max ? max : null,
        };
        if (YamlTree.Bool(a, "exit_on_end") == true)
        {
            ctx.Skip(s.Name, "availability.exit_on_end", "process-compose stops the project when it ends; Aurora keeps the others running");
        }
    }

    private static void Shutdown(ImportedService s, YamlNode? sd, ImportContext ctx)
    {
        if (YamlTree.Int(sd, "signal") is { } signal && signal is > 0 and < 32)
        {
            s.StopSignal = Aurora.Core.Processes.Signals.Name(signal);
        }

        if (YamlTree.Int(sd, "timeout_seconds") is { } timeout and >= 0 and <= 3600)
        {
            s.StopTimeout = TimeSpan.FromSeconds(timeout);
        }

        if (YamlTree.Text(sd, "command") is { } command)
        {
            ctx.Skip(s.Name, $"shutdown.command {command}", "Aurora stops a service with its stop signal, then SIGKILL; it runs no stop command");
        }
    }

    [GeneratedRegex(@"\{\{\s*\.PC_REPLICA_NUM\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex ReplicaNum();
}
