using System.Globalization;
using System.Text;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Config;

/// The effective config (files merged, variables interpolated, defaults filled in) as YAML that loads back to
/// the same config, with every secret masked (SPEC §7): values of secret-named env vars, URL passwords,
/// secret flags and `NAME=value` pairs in argv, and any secret value of the service's environment merged over
/// the inherited one wherever it appears. Shared by `aurora mcp` (aurora://config) and `aurora config`.
public static partial class ConfigRenderer
{
    public static string Render(AuroraConfig config, IReadOnlyDictionary<string, string> inherited)
    {
        var y = new StringBuilder();
        y.Append("# the effective config of ").Append(config.FilePath).Append(" (secret values are ").Append(Secrets.Mask).Append(")\n");
        y.Append("version: 1\nservices:\n");
        foreach (var s in config.Services)
        {
            var environment = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
            foreach (var (k, v) in s.Environment)
            {
                environment[k] = v;
            }

            Service(y, s, Secrets.ValuesOf(environment));
        }

        var global = Secrets.ValuesOf(inherited);
        Settings(y, config, global);
        return y.ToString();
    }

    private static void Service(StringBuilder y, ServiceConfig s, IReadOnlyList<string> secrets)
    {
        y.Append("  ").Append(IsPlain(s.Name) ? s.Name : Q(s.Name)).Append(":\n");
        if (s.Shell && s.Command is ["/bin/sh", "-c", var script])
        {
            Line(y, 4, "command", Q(Secrets.Scrub(script, secrets)));
            Line(y, 4, "shell", "true");
        }
        else
        {
            Line(y, 4, "command", Argv(s.Command, secrets));
        }

        Line(y, 4, "cwd", Q(s.WorkingDirectory));
        if (!s.Environment.IsEmpty)
        {
            Line(y, 4, "env", Flow(s.Environment.Select(kv => (kv.Key, Q(Secrets.Scrub(Secrets.Redact(kv.Key, kv.Value), secrets))))));
        }

        if (s.EnvFile is { } envFile)
        {
            Line(y, 4, "env_file", Q(envFile));
        }

        if (!s.Ports.IsEmpty)
        {
            Line(y, 4, "ports", "[" + string.Join(", ", s.Ports) + "]");
        }

        if (!s.DependsOn.IsEmpty)
        {
            Line(y, 4, "depends_on", Flow(s.DependsOn.Select(d => (d.Service, d.Condition.ToString().ToLowerInvariant()))));
        }

        if (s.Health is { } h)
        {
            var check = h.Kind switch
            {
                HealthCheckKind.Http => ("http", Q(Secrets.Scrub(h.Target, secrets))),
                HealthCheckKind.Tcp => ("tcp", Q(h.Target)),
                _ => ("exec", Argv(h.ExecArgv, secrets)),
            };
            Line(y, 4, "health", Flow([check, ("interval", D(h.Interval)), ("timeout", D(h.Timeout)), ("retries", N(h.Retries)), ("start_period", D(h.StartPeriod))]));
        }

        var b = s.Restart.Backoff;
        Line(y, 4, "restart", Flow([
            ("policy", s.Restart.Policy switch { RestartPolicyKind.Always => "always", RestartPolicyKind.Never => "never", _ => "on-failure" }),
            ("backoff", Flow([("initial", D(b.Initial)), ("max", D(b.Max)), ("multiplier", N(b.Multiplier)), ("reset_after", D(b.ResetAfter)), ("jitter", N(b.Jitter))])),
            ("limit", Flow([("count", N(s.Restart.Limit.Count)), ("within", D(s.Restart.Limit.Within))]))]));
        Line(y, 4, "stop", Flow([("signal", s.Stop.SignalName), ("timeout", D(s.Stop.Timeout))]));
        Limits(y, s.Limits);
        Line(y, 4, "logs", Flow([("max_size", SizeParser.Format(s.Logs.MaxSizeBytes)), ("keep", N(s.Logs.Keep))]));
        Line(y, 4, "on_dependency_failure", s.OnDependencyFailure.ToString().ToLowerInvariant());
        if (!s.Install.IsEmpty)
        {
            Line(y, 4, "install", Argv(s.Install, secrets));
        }

        Fixes(y, s, secrets);
        if (s.Umask is { } umask)
        {
            Line(y, 4, "umask", Q(Convert.ToString(umask, 8).PadLeft(3, '0')));
        }
    }

    private static void Limits(StringBuilder y, ResourceLimits limits)
    {
        var set = new List<(string, string)>();
        if (limits.MemoryBytes is { } memory)
        {
            set.Add(("memory", SizeParser.Format(memory)));
        }

        if (limits.CpuPercent is { } cpu)
        {
            set.AddRange([("cpu", N(cpu) + "%"), ("for", D(limits.For)), ("on_cpu", limits.OnCpu == CpuAction.Restart ? "restart" : "warn")]);
        }

        if (limits.Pids is { } pids)
        {
            set.Add(("pids", pids.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (set.Count > 0)
        {
            Line(y, 4, "limits", Flow(set));
        }
    }

    private static void Fixes(StringBuilder y, ServiceConfig s, IReadOnlyList<string> secrets)
    {
        if (s.Fixes.IsEmpty)
        {
            return;
        }

        y.Append("    fixes:\n");
        foreach (var f in s.Fixes)
        {
            var parts = new List<(string, string)> { ("cause", f.Cause), ("run", Argv(f.Run, secrets)) };
            if (!f.Touches.IsEmpty)
            {
                parts.Add(("touches", "[" + string.Join(", ", f.Touches.Select(Q)) + "]"));
            }

            if (!f.Verify.IsEmpty)
            {
                parts.Add(("verify", Argv(f.Verify, secrets)));
            }

            y.Append("      - ").Append(Flow(parts)).Append('\n');
        }
    }

    private static void Line(StringBuilder y, int indent, string key, string value) =>
        y.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');

    private static string Flow(IEnumerable<(string Key, string Value)> pairs) =>
        "{ " + string.Join(", ", pairs.Select(p => $"{(IsPlain(p.Key) ? p.Key : Q(p.Key))}: {p.Value}")) + " }";

    private static string D(TimeSpan t) => DurationParser.Format(t);

    private static string N(double n) => n.ToString(CultureInfo.InvariantCulture);
}
