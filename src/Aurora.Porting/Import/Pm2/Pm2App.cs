using System.Globalization;
using System.Text.Json;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Import.Pm2;

/// One PM2 app → one Aurora service. PM2 runs argv (no shell) and interpolates nothing, so every `$` is literal.
internal static class Pm2App
{
    private static readonly HashSet<string> Read =
    [
        "name", "script", "args", "interpreter", "exec_interpreter", "interpreter_args", "node_args", "cwd", "env",
        "instances", "max_memory_restart", "autorestart", "max_restarts", "restart_delay", "exp_backoff_restart_delay",
        "cron_restart", "watch", "ignore_watch", "ignoreWatch", "kill_timeout", "exec_mode", "out_file", "error_file",
        "log_file", "merge_logs", "log_date_format", "time",
    ];

    private static readonly Dictionary<string, string> Interpreters = new()
    {
        [".js"] = "node",
        [".mjs"] = "node",
        [".cjs"] = "node",
        [".py"] = "python",
        [".sh"] = "bash",
        [".rb"] = "ruby",
        [".php"] = "php",
        [".pl"] = "perl",
        [".coffee"] = "coffee",
    };

    /// PM2 names an unnamed app after its script: `./child.js` → `child`.
    public static string NameOf(JsonElement app, int index) =>
        Json.Text(app, "name") ?? (Json.Text(app, "script") is { } script ? Path.GetFileNameWithoutExtension(script) : $"app{index + 1}");

    public static ImportedService Convert(JsonElement app, string name, string sourceName, ImportContext ctx)
    {
        var s = new ImportedService(name, sourceName);
        Command(s, app, ctx);
        if (Json.Text(app, "cwd") is { } cwd)
        {
            s.Cwd = ctx.Directory(cwd);
            if (s.Cwd is null)
            {
                ctx.Skip(name, $"cwd {cwd}", "not a directory here; Aurora needs the directory to exist");
            }
        }

        if (app.TryGetProperty("env", out var env) && env.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in env.EnumerateObject())
            {
                s.SetEnv(p.Name, AuroraValues.Literal(Json.Scalar(p.Value) ?? ""));
            }
        }

        Instances(s, app, ctx);
        Pm2Restart.Read(s, app, ctx);
        Watch(s, app, ctx);
        if (Json.Number(app, "kill_timeout") is { } kill and >= 0 and <= 3_600_000)
        {
            s.StopTimeout = TimeSpan.FromMilliseconds(kill);
        }

        foreach (var p in app.EnumerateObject().Where(p => !Read.Contains(p.Name)))
        {
            ctx.Skip(name, p.Name, p.Name.StartsWith("env_", StringComparison.Ordinal)
                ? $"PM2 applies it with --env {p.Name[4..]}; Aurora has one env per service: put it in a file merged with -f"
                : "no Aurora equivalent");
        }

        if (new[] { "out_file", "error_file", "log_file", "merge_logs", "log_date_format", "time" }.Any(k => app.TryGetProperty(k, out _)))
        {
            ctx.Skip(name, "logs", "PM2's log files and format: Aurora keeps each service's output in .aurora/logs/NAME.log");
        }

        return s;
    }

    private static void Command(ImportedService s, JsonElement app, ImportContext ctx)
    {
        var script = Json.Text(app, "script") ?? throw new ImportException($"{Path.GetFileName(ctx.SourceFile)}: app {s.SourceName} has no script");
        var interpreter = Json.Text(app, "interpreter") ?? Json.Text(app, "exec_interpreter") ??
            Interpreters.GetValueOrDefault(Path.GetExtension(script).ToLowerInvariant(), "none");
        var words = new List<string>();
        if (interpreter != "none")
        {
            words.Add(interpreter);
            words.AddRange(Json.Words(app, "interpreter_args") ?? Json.Words(app, "node_args") ?? []);
            words.Add(script);
        }
        else
        {
            // A script with spaces and no interpreter is a command line (`"script": "npm start"`).
            words.AddRange(script.Contains(' ', StringComparison.Ordinal) ? ShellWords.Split(script) ?? [script] : [script]);
        }

        words.AddRange(Json.Words(app, "args") ?? []);
        s.Command.AddRange(words.Select(AuroraValues.Literal));
    }

    private static void Instances(ImportedService s, JsonElement app, ImportContext ctx)
    {
        var text = Json.Text(app, "instances");
        if (text is null)
        {
            return;
        }

        var cpus = ctx.Options.ProcessorCount;
        int? count = text switch
        {
            "max" or "0" => cpus,
            _ when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n > 0 ? n : Math.Max(1, cpus + n),
            _ => null,
        };
        if (count is null)
        {
            ctx.Skip(s.Name, $"instances {text}", "not a number, \"max\" or a negative offset");
            return;
        }

        count = Math.Clamp(count.Value, 1, 64);
        if (text is "max" or "0" || text.StartsWith('-'))
        {
            s.Comments.Add($"instances {text}: {count} on the machine that imported it ({cpus} CPUs)");
        }

        s.Replicas = count > 1 ? count : null;
        if (count > 1 && Json.Text(app, "exec_mode") is { } mode && mode.StartsWith("cluster", StringComparison.Ordinal))
        {
            ctx.Skip(s.Name, $"exec_mode {mode}",
                "PM2's cluster mode shares one listening port among the instances (Node's cluster module); Aurora's replicas are separate processes, so give each its own port ({replica} in env or args)");
        }
    }

    private static void Watch(ImportedService s, JsonElement app, ImportContext ctx)
    {
        if (!app.TryGetProperty("watch", out var watch) || watch.ValueKind == JsonValueKind.False)
        {
            return;
        }

        var prefix = Json.Text(app, "cwd") is { } cwd && s.Cwd is { } dir && dir != "." ? dir.TrimStart('.', '/') + "/" : "";
        List<string>? paths = watch.ValueKind switch
        {
            JsonValueKind.True => [prefix + "**/*"],
            JsonValueKind.String when watch.GetString() == "true" => [prefix + "**/*"],
            JsonValueKind.Array => [.. watch.EnumerateArray().Select(Json.Scalar).Where(p => p is not null).Select(p => prefix + p!.TrimEnd('/') + "/**")],
            _ => null,
        };
        if (paths is null || paths.Count == 0 || paths.Any(p => p.StartsWith('/') || p.Split('/').Contains("..")))
        {
            ctx.Skip(s.Name, $"watch {watch.GetRawText()}", "neither true nor a list of paths inside the project");
            return;
        }

        s.WatchPaths.AddRange(paths);
        s.WatchIgnore.AddRange(["**/node_modules/**", "**/.git/**", ".aurora/**"]);
        var ignore = app.TryGetProperty("ignore_watch", out var i) ? i : app.TryGetProperty("ignoreWatch", out var j) ? j : default;
        if (ignore.ValueKind == JsonValueKind.Array)
        {
            ctx.Skip(s.Name, $"ignore_watch {ignore.GetRawText()}", "PM2 takes regular expressions or paths; Aurora's watch.ignore takes globs: add them by hand");
        }
    }
}
