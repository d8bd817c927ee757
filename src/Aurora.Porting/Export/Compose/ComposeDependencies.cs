using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Compose;

/// `depends_on` with compose's conditions: started → service_started, healthy → service_healthy, completed →
/// service_completed_successfully. `exited` (any code) and `ready` (a log line or READY=1) have no condition of
/// their own: the nearest is used and listed. A dependency that was not exported cannot be named.
internal static class ComposeDependencies
{
    public static YamlMapping Render(ExportUnit unit, IReadOnlySet<string> exported, OmissionList omissions)
    {
        var map = new YamlMapping();
        var name = unit.Declared;
        foreach (var (target, dep) in unit.DependsOn)
        {
            var what = $"depends_on.{dep.Service}: {dep.Condition.ToString().ToLowerInvariant()}";
            if (!exported.Contains(target))
            {
                omissions.Add(name, what, $"{dep.Service} is not exported, so compose cannot wait for it");
                continue;
            }

            var condition = dep.Condition switch
            {
                DependencyCondition.Healthy => "service_healthy",
                DependencyCondition.Completed or DependencyCondition.Exited => "service_completed_successfully",
                _ => "service_started",
            };
            if (dep.Condition == DependencyCondition.Exited)
            {
                omissions.Add(name, what, "compose waits for a successful exit (service_completed_successfully); a failed one blocks");
            }
            else if (dep.Condition == DependencyCondition.Ready)
            {
                omissions.Add(name, what, "compose has no readiness of its own: it waits until the service has started");
            }

            map.Add(target, new YamlMapping().Add("condition", condition));
        }

        return map;
    }
}
