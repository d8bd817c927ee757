using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Core.Reload;

/// Compares two validated configs. A change to what the running process was started with (command,
/// cwd, env — env_file contents included, since they are merged into env —, ports, limits, umask) restarts the
/// service; anything else (health, restart, stop, logs, depends_on, …) is applied in place.
public static class ReloadPlanner
{
    public static ReloadPlan Plan(AuroraConfig current, AuroraConfig next)
    {
        var before = current.Services.ToDictionary(s => s.Name);
        var after = next.Services.ToDictionary(s => s.Name);
        var restarted = ImmutableArray.CreateBuilder<ServiceChange>();
        var updated = ImmutableArray.CreateBuilder<ServiceChange>();
        var unchanged = ImmutableArray.CreateBuilder<string>();
        foreach (var s in next.Services.Where(s => before.ContainsKey(s.Name)))
        {
            var old = before[s.Name];
            var processFields = ProcessFields(old, s);
            var otherFields = InPlaceFields(old, s);
            if (!processFields.IsEmpty)
            {
                restarted.Add(new ServiceChange(s.Name, processFields.AddRange(otherFields)));
            }
            else if (!otherFields.IsEmpty)
            {
                updated.Add(new ServiceChange(s.Name, otherFields));
            }
            else
            {
                unchanged.Add(s.Name);
            }
        }

        return new ReloadPlan(
            [.. next.Services.Where(s => !before.ContainsKey(s.Name)).Select(s => s.Name)],
            [.. current.Services.Where(s => !after.ContainsKey(s.Name)).Select(s => s.Name)],
            restarted.ToImmutable(),
            updated.ToImmutable(),
            unchanged.ToImmutable(),
            DaemonFields(current, next),
            SettingsFields(current, next));
    }

    private static ImmutableArray<string> ProcessFields(ServiceConfig a, ServiceConfig b)
    {
        var fields = ImmutableArray.CreateBuilder<string>();
        Check(fields, "command", a.Command.SequenceEqual(b.Command) && a.Shell == b.Shell);
        Check(fields, "cwd", a.WorkingDirectory == b.WorkingDirectory);
        Check(fields, "env", a.Environment.Count == b.Environment.Count
            && a.Environment.All(kv => b.Environment.TryGetValue(kv.Key, out var v) && v == kv.Value));
        Check(fields, "ports", a.Ports.SequenceEqual(b.Ports));
        Check(fields, "limits", a.Limits == b.Limits);
        Check(fields, "umask", a.Umask == b.Umask);
        Check(fields, "ready", a.Ready == b.Ready);
        return fields.ToImmutable();
    }

    private static ImmutableArray<string> InPlaceFields(ServiceConfig a, ServiceConfig b)
    {
        var fields = ImmutableArray.CreateBuilder<string>();
        Check(fields, "depends_on", a.DependsOn.SequenceEqual(b.DependsOn));
        Check(fields, "health", HealthEqual(a.Health, b.Health));
        Check(fields, "restart", a.Restart == b.Restart);
        Check(fields, "stop", a.Stop == b.Stop);
        Check(fields, "logs", a.Logs == b.Logs);
        Check(fields, "on_dependency_failure", a.OnDependencyFailure == b.OnDependencyFailure);
        Check(fields, "install", a.Install.SequenceEqual(b.Install));
        Check(fields, "success_exit_codes", a.SuccessExitCodes.SequenceEqual(b.SuccessExitCodes));
        Check(fields, "profiles", a.Profiles.SequenceEqual(b.Profiles));
        Check(fields, "schedule", a.Schedule == b.Schedule);
        Check(fields, "watch", Equals(a.Watch, b.Watch));
        Check(fields, "fixes", a.Fixes.Length == b.Fixes.Length && a.Fixes.Zip(b.Fixes).All(p =>
            p.First.Cause == p.Second.Cause && p.First.Run.SequenceEqual(p.Second.Run)
            && p.First.Touches.SequenceEqual(p.Second.Touches) && p.First.Verify.SequenceEqual(p.Second.Verify)));
        return fields.ToImmutable();
    }

    private static bool HealthEqual(HealthCheckConfig? a, HealthCheckConfig? b) =>
        a is null || b is null ? a is null && b is null : (a with { ExecArgv = [] }) == (b with { ExecArgv = [] }) && a.ExecArgv.SequenceEqual(b.ExecArgv);

    private static ImmutableArray<string> DaemonFields(AuroraConfig a, AuroraConfig b)
    {
        var fields = ImmutableArray.CreateBuilder<string>();
        Check(fields, "dashboard", a.Dashboard == b.Dashboard);
        Check(fields, "store", a.Store == b.Store);
        return fields.ToImmutable();
    }

    private static ImmutableArray<string> SettingsFields(AuroraConfig a, AuroraConfig b)
    {
        var fields = ImmutableArray.CreateBuilder<string>();
        Check(fields, "notify", a.Notify.SequenceEqual(b.Notify));
        Check(fields, "healing", a.Healing == b.Healing);
        Check(fields, "monitor", a.Monitor == b.Monitor);
        Check(fields, "metrics", a.Metrics == b.Metrics);
        Check(fields, "maintenance", a.Maintenance.Disk == b.Maintenance.Disk && a.Maintenance.Temp.SequenceEqual(b.Maintenance.Temp));
        return fields.ToImmutable();
    }

    private static void Check(ImmutableArray<string>.Builder fields, string name, bool same)
    {
        if (!same)
        {
            fields.Add(name);
        }
    }
}
