using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Kubernetes;

/// `depends_on` as init containers that wait until the dependency's Service answers on its first port. A Service
/// sends traffic only to ready pods, and readiness comes from the dependency's health, so this waits for
/// `healthy` where the dependency has a health check. The image (busybox by default, `--wait-image`) needs sh and nc.
internal static class KubernetesWaits
{
    public static YamlList Render(ExportUnit unit, ExportContext ctx, IReadOnlyDictionary<string, ExportUnit> exported)
    {
        var list = new YamlList();
        foreach (var (target, dep) in unit.DependsOn)
        {
            var what = $"depends_on.{dep.Service}: {dep.Condition.ToString().ToLowerInvariant()}";
            if (!exported.TryGetValue(target, out var other))
            {
                ctx.Omissions.Add(unit.Declared, what, $"{dep.Service} is not exported, so nothing waits for it");
            }
            else if (dep.Condition is DependencyCondition.Completed or DependencyCondition.Exited)
            {
                ctx.Omissions.Add(unit.Declared, what, $"a pod cannot wait for the Job {KubernetesNames.Of(target)} to finish without API access: apply it first and wait (kubectl wait --for=condition=complete job/{KubernetesNames.Of(target)})");
            }
            else if (other.Service.Ports.IsEmpty)
            {
                ctx.Omissions.Add(unit.Declared, what, $"{dep.Service} declares no ports, so it has no Service to wait on");
            }
            else
            {
                var host = KubernetesNames.Of(target);
                var port = other.Service.Ports[0];
                list.Add(new YamlMapping()
                    .Add("name", KubernetesNames.Of($"wait-{target}"))
                    .Add("image", ctx.Options.WaitImage)
                    .Add("command", YamlNode.Texts(["sh", "-c", $"until nc -z -w 2 {host} {port}; do echo waiting for {host}:{port}; sleep 2; done"])));
            }
        }

        return list;
    }
}
