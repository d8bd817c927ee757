using System.Globalization;
using Aurora.Core.Processes;

namespace Aurora.Porting.Import.Supervisord;

/// supervisord.conf: each `[program:x]` becomes a service. supervisord splits the command into words (no shell) and
/// knows no `$`, so a `$` is literal. `priority` orders starts but says nothing of what waits for what, so it is
/// kept as a comment and no depends_on is invented.
public static class SupervisordImporter
{
    private static readonly HashSet<string> Read =
    [
        "command", "directory", "environment", "autorestart", "startretries", "startsecs", "stopsignal", "stopwaitsecs",
        "numprocs", "priority", "user", "exitcodes", "autostart", "process_name", "numprocs_start",
    ];

    private static readonly HashSet<string> Logging =
    [
        "stdout_logfile", "stderr_logfile", "stdout_logfile_maxbytes", "stderr_logfile_maxbytes", "stdout_logfile_backups",
        "stderr_logfile_backups", "redirect_stderr", "stdout_capture_maxbytes", "stderr_capture_maxbytes", "stdout_syslog",
        "stderr_syslog",
    ];

    public static List<ImportedService> Convert(string text, ImportContext ctx)
    {
        var ini = IniFile.Parse(text, ctx.SourceFile);
        var global = ini.Sections.FirstOrDefault(s => s.Name == "supervisord").Values;
        var services = new List<ImportedService>();
        foreach (var (section, values) in ini.Sections)
        {
            var colon = section.IndexOf(':', StringComparison.Ordinal);
            var kind = colon < 0 ? section : section[..colon];
            var name = colon < 0 ? "" : section[(colon + 1)..].Trim();
            switch (kind)
            {
                case "program":
                    services.Add(Program(name, values, global, ctx));
                    break;
                case "eventlistener" or "fcgi-program":
                    ctx.NotConvertible(name, $"a [{kind}:…] speaks supervisord's own protocol or socket; Aurora has no equivalent");
                    break;
                case "group":
                    ctx.Skip(null, $"[{section}]", "a group of programs for supervisorctl; Aurora acts on services by name");
                    break;
                case "include":
                    ctx.Skip(null, "[include]", $"files={values.GetValueOrDefault("files")} were not read; import each of them on its own");
                    break;
            }
        }

        return services;
    }

    private static ImportedService Program(string sourceName, Dictionary<string, string> v, Dictionary<string, string>? global, ImportContext ctx)
    {
        var s = new ImportedService(ctx.Names.Add(sourceName), sourceName);
        var numprocs = int.TryParse(v.GetValueOrDefault("numprocs"), out var n) && n > 0 ? n : 1;
        string Expand(string text) => Expansion.Apply(text, sourceName, ctx.SourceDirectory, numprocs,
            unknown => ctx.Skip(s.Name, $"%({unknown})s", "not an expansion supervisord defines for a program; kept as written"));

        var command = v.GetValueOrDefault("command") ?? throw new ImportException($"{Path.GetFileName(ctx.SourceFile)}: [program:{sourceName}] has no command");
        s.Command.AddRange(ShellWords.Split(Expand(command)) ?? throw new ImportException($"[program:{sourceName}]: the command has an unclosed quote"));
        if (v.GetValueOrDefault("directory") is { } directory)
        {
            var expanded = Expand(directory);
            s.Cwd = ctx.Directory(expanded.Replace("$$", "$", StringComparison.Ordinal));
            if (s.Cwd is null)
            {
                ctx.Skip(s.Name, $"directory {expanded}", "not a directory here; Aurora needs the directory to exist");
            }
        }

        foreach (var env in new[] { global?.GetValueOrDefault("environment"), v.GetValueOrDefault("environment") })
        {
            foreach (var (key, value) in SupervisordEnvironment.Parse(env ?? "", Expand))
            {
                s.SetEnv(key, value);
            }
        }

        Restart(s, v, ctx);
        if (v.GetValueOrDefault("stopsignal") is { } signal)
        {
            if (Signals.Parse(signal) is { } number)
            {
                s.StopSignal = Signals.Name(number);
            }
            else
            {
                ctx.Skip(s.Name, $"stopsignal {signal}", "not a signal Aurora knows");
            }
        }

        if (int.TryParse(v.GetValueOrDefault("stopwaitsecs"), out var wait) && wait is >= 0 and <= 3600)
        {
            s.StopTimeout = TimeSpan.FromSeconds(wait);
        }

        s.Replicas = numprocs > 1 ? Math.Min(numprocs, 64) : null;
        if (numprocs > 1)
        {
            s.Comments.Add($"numprocs {numprocs}: Aurora numbers instances from 1 ({{replica}}), supervisord's process_num from numprocs_start (0)");
        }

        Remaining(s, v, ctx);
        return s;
    }

    private static void Restart(ImportedService s, Dictionary<string, string> v, ImportContext ctx)
    {
        var policy = v.GetValueOrDefault("autorestart", "unexpected").ToLowerInvariant() switch
        {
            "true" => "always",
            "false" => "never",
            _ => "on-failure",
        };
        int? retries = int.TryParse(v.GetValueOrDefault("startretries"), out var r) && r >= 1 ? r : null;
        s.Restart = new ImportedRestart { Policy = policy, LimitCount = retries };
        if (retries is not null)
        {
            s.Comments.Add($"startretries {retries}: supervisord counts failed starts in a row; Aurora counts exits within restart.limit.within (60s)");
        }

        if (policy == "on-failure" && v.GetValueOrDefault("exitcodes") is { } codes)
        {
            s.SuccessExitCodes.AddRange(codes.Split(',').Select(c => int.TryParse(c.Trim(), CultureInfo.InvariantCulture, out var code) ? code : -1)
                .Where(c => c is >= 0 and <= 255).Distinct());
        }

        if (v.GetValueOrDefault("startsecs") is { } startsecs && startsecs != "0")
        {
            ctx.Skip(s.Name, $"startsecs {startsecs}",
                "Aurora has no minimum uptime: a start is good when the process runs (or is ready, or healthy); add ready: or health: to say when");
        }

        if (v.GetValueOrDefault("autostart")?.ToLowerInvariant() == "false")
        {
            s.Profiles.Add("manual");
            s.Comments.Add("autostart false: not started with the stack; `aurora up --profile manual` starts it");
        }
    }

    private static void Remaining(ImportedService s, Dictionary<string, string> v, ImportContext ctx)
    {
        if (v.GetValueOrDefault("priority") is { } priority)
        {
            s.Comments.Add($"priority {priority} in supervisord (lower starts first): an order hint only; add depends_on if this service needs another");
        }

        if (v.GetValueOrDefault("user") is { } user)
        {
            ctx.Skip(s.Name, $"user {user}", "Aurora runs every service as the user who runs `aurora up`");
        }

        if (v.Keys.Any(Logging.Contains))
        {
            ctx.Skip(s.Name, "stdout_logfile/stderr_logfile", "Aurora keeps each service's output in .aurora/logs/NAME.log");
        }

        foreach (var key in v.Keys.Where(k => !Read.Contains(k) && !Logging.Contains(k)))
        {
            ctx.Skip(s.Name, key, key is "killasgroup" or "stopasgroup"
                ? "Aurora always signals the whole process group"
                : "no Aurora equivalent");
        }
    }
}
