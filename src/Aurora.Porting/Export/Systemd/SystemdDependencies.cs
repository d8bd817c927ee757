using Aurora.Core.Config;

namespace Aurora.Porting.Export.Systemd;

/// `depends_on` as `Requires=`/`Wants=` and `After=`. After= waits for a unit's start: for Type=notify that is
/// READY=1, for a one-shot its successful exit. Requires= stops (and restarts) the dependent with its dependency,
/// as on_dependency_failure stop/restart do; `keep`, and the `exited` condition (any exit code), use Wants=.
internal static class SystemdDependencies
{
    public static IEnumerable<string> Lines(ServiceConfig s, SystemdContext ctx)
    {
        var requires = new List<string>();
        var wants = new List<string>();
        foreach (var dep in s.DependsOn)
        {
            var target = ctx.Config.Declared.First(d => d.Name == dep.Service);
            var units = ctx.Names.InstancesOf(dep.Service).ToList();
            var soft = s.OnDependencyFailure == DependencyFailureAction.Keep || dep.Condition == DependencyCondition.Exited;
            (soft ? wants : requires).AddRange(units);
            Note(s, dep, target, ctx);
        }

        if (requires.Count > 0)
        {
            yield return $"Requires={string.Join(' ', requires)}";
        }

        if (wants.Count > 0)
        {
            yield return $"Wants={string.Join(' ', wants)}";
        }

        if (requires.Count + wants.Count > 0)
        {
            yield return $"After={string.Join(' ', requires.Concat(wants))}";
        }
    }

    private static void Note(ServiceConfig s, Dependency dep, ServiceConfig target, SystemdContext ctx)
    {
        var what = $"depends_on.{dep.Service}: {dep.Condition.ToString().ToLowerInvariant()}";
        switch (dep.Condition)
        {
            case DependencyCondition.Healthy:
                ctx.Omissions.Add(s.Name, what, $"systemd has no health checks: it waits until {dep.Service} has started");
                break;
            case DependencyCondition.Ready when target.Ready is not { Notify: true }:
                ctx.Omissions.Add(s.Name, what, $"{dep.Service} is not a notify service: systemd waits until it has started");
                break;
            case DependencyCondition.Completed or DependencyCondition.Exited when !ctx.IsOneShot(target):
                ctx.Omissions.Add(s.Name, what, $"{dep.Service} is not a one-shot here (restart policy {target.Restart.Policy}): systemd waits until it has started");
                break;
        }
    }
}
