using System.Text;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Import;

/// Writes the imported services as a commented aurora.yaml: a header naming the source, each service with the
/// comments its converter left and, above it, what was not carried over and why.
public static class AuroraYamlWriter
{
    public static string Write(ImportResult result)
    {
        var w = new StringBuilder();
        w.AppendLine(YamlScalar.Comment($"Imported by `aurora import` from {Path.GetFileName(result.SourceFile)} ({Describe(result.Format)})."));
        w.AppendLine(YamlScalar.Comment("Check it with `aurora validate`; comments mark what was not carried over, and why."));
        foreach (var n in result.NotCarried.Where(n => n.Service is null))
        {
            w.AppendLine(YamlScalar.Comment($"not carried over: {n.Item}: {n.Reason}"));
        }

        foreach (var n in result.NotConvertible)
        {
            w.AppendLine(YamlScalar.Comment($"not converted: {n.Service}: {n.Reason}"));
        }

        w.AppendLine("version: 1");
        w.AppendLine("services:");
        foreach (var service in result.Services)
        {
            WriteService(w, service, result.NotCarried.Where(n => n.Service == service.Name && n.Item != ImportContext.WholeService));
        }

        return w.ToString();
    }

    public static string Describe(ImportFormat format) => format switch
    {
        ImportFormat.Procfile => "Procfile",
        ImportFormat.Compose => "Compose",
        ImportFormat.Pm2 => "PM2 ecosystem",
        ImportFormat.Supervisord => "supervisord",
        _ => "process-compose",
    };

    private static void WriteService(StringBuilder w, ImportedService s, IEnumerable<NotCarried> skipped)
    {
        w.AppendLine();
        if (s.SourceName != s.Name)
        {
            w.AppendLine("  " + YamlScalar.Comment($"\"{s.SourceName}\" in the source; renamed to a valid Aurora service name"));
        }

        foreach (var comment in s.Comments)
        {
            w.AppendLine("  " + YamlScalar.Comment(comment));
        }

        foreach (var n in skipped)
        {
            w.AppendLine("  " + YamlScalar.Comment($"not carried over: {n.Item}: {n.Reason}"));
        }

        w.AppendLine($"  {s.Name}:");
        if (s.Shell)
        {
            w.AppendLine($"    command: {YamlScalar.String(s.Command[0])}");
            w.AppendLine("    shell: true");
        }
        else
        {
            w.AppendLine($"    command: {YamlScalar.FlowList(s.Command)}");
        }

        Line(w, "cwd", s.Cwd);
        Line(w, "env_file", s.EnvFile);
        if (s.Env.Count > 0)
        {
            w.AppendLine("    env:");
            foreach (var (key, value) in s.Env)
            {
                w.AppendLine($"      {YamlScalar.String(key)}: {YamlScalar.String(value)}");
            }
        }

        if (s.Ports.Count > 0)
        {
            w.AppendLine($"    ports: [{string.Join(", ", s.Ports)}]");
        }

        if (s.DependsOn.Count > 0)
        {
            w.AppendLine("    depends_on:");
            foreach (var (name, condition) in s.DependsOn)
            {
                w.AppendLine($"      {name}: {condition}");
            }
        }

        WriteHealth(w, s.Health);
        if (s.ReadyLog is { } log)
        {
            w.AppendLine($"    ready: {{ log: {YamlScalar.String(log)} }}");
        }

        WriteRestart(w, s.Restart);
        WriteStop(w, s);
        if (s.SuccessExitCodes.Count > 0)
        {
            w.AppendLine($"    success_exit_codes: [{string.Join(", ", s.SuccessExitCodes)}]");
        }

        if (s.Replicas is { } replicas)
        {
            w.AppendLine($"    replicas: {replicas}");
        }

        if (s.Profiles.Count > 0)
        {
            w.AppendLine($"    profiles: {YamlScalar.FlowList(s.Profiles)}");
        }

        WriteLimits(w, s);
        if (s.WatchPaths.Count > 0)
        {
            var ignore = s.WatchIgnore.Count > 0 ? $", ignore: {YamlScalar.FlowList(s.WatchIgnore)}" : "";
            w.AppendLine($"    watch: {{ paths: {YamlScalar.FlowList(s.WatchPaths)}{ignore} }}");
        }
    }

    private static void WriteHealth(StringBuilder w, ImportedHealth? h)
    {
        if (h is null)
        {
            return;
        }

        w.AppendLine("    health:");
        Line(w, "http", h.Http, 6);
        Line(w, "tcp", h.Tcp, 6);
        if (h.Exec is { } exec)
        {
            w.AppendLine($"      exec: {YamlScalar.FlowList(exec)}");
        }

        Line(w, "interval", h.Interval is { } i ? AuroraValues.Duration(i) : null, 6);
        Line(w, "timeout", h.Timeout is { } t ? AuroraValues.Duration(t) : null, 6);
        if (h.Retries is { } retries)
        {
            w.AppendLine($"      retries: {retries}");
        }

        Line(w, "start_period", h.StartPeriod is { } p ? AuroraValues.Duration(p) : null, 6);
    }

    private static void WriteRestart(StringBuilder w, ImportedRestart r)
    {
        if (r.IsEmpty)
        {
            return;
        }

        w.AppendLine("    restart:");
        Line(w, "policy", r.Policy, 6);
        var backoff = new List<string>();
        if (r.BackoffInitial is { } initial)
        {
            backoff.Add($"initial: {AuroraValues.Duration(initial)}");
        }

        if (r.BackoffMax is { } max)
        {
            backoff.Add($"max: {AuroraValues.Duration(max)}");
        }

        if (r.BackoffMultiplier is { } multiplier)
        {
            backoff.Add($"multiplier: {YamlScalar.Number(multiplier)}");
        }

        if (backoff.Count > 0)
        {
            w.AppendLine($"      backoff: {{ {string.Join(", ", backoff)} }}");
        }

        var limit = new List<string>();
        if (r.LimitCount is { } count)
        {
            limit.Add($"count: {count}");
        }

        if (r.LimitWithin is { } within)
        {
            limit.Add($"within: {AuroraValues.Duration(within)}");
        }

        if (limit.Count > 0)
        {
            w.AppendLine($"      limit: {{ {string.Join(", ", limit)} }}");
        }
    }

    private static void WriteStop(StringBuilder w, ImportedService s)
    {
        var parts = new List<string>();
        if (s.StopSignal is { } signal)
        {
            parts.Add($"signal: {signal}");
        }

        if (s.StopTimeout is { } timeout)
        {
            parts.Add($"timeout: {AuroraValues.Duration(timeout)}");
        }

        if (parts.Count > 0)
        {
            w.AppendLine($"    stop: {{ {string.Join(", ", parts)} }}");
        }
    }

    private static void WriteLimits(StringBuilder w, ImportedService s)
    {
        var parts = new List<string>();
        if (s.MemoryLimit is { } memory)
        {
            parts.Add($"memory: {AuroraValues.Size(memory)}");
        }

        if (s.CpuPercent is { } cpu)
        {
            parts.Add($"cpu: {YamlScalar.Quote(YamlScalar.Number(cpu) + "%")}");
        }

        if (parts.Count > 0)
        {
            w.AppendLine($"    limits: {{ {string.Join(", ", parts)} }}");
        }
    }

    private static void Line(StringBuilder w, string key, string? value, int indent = 4)
    {
        if (value is not null)
        {
            w.Append(' ', indent).AppendLine($"{key}: {YamlScalar.String(value)}");
        }
    }
}
