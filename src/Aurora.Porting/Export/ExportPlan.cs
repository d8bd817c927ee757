using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Porting.Export;

/// The units compose and Kubernetes export: each declared service once (with `replicas: N` when its instances are
/// identical), or each instance apart when `{replica}` makes them differ; dependencies point at the units their
/// service became.
public static class ExportPlan
{
    public static ImmutableArray<ExportUnit> Units(AuroraConfig config)
    {
        var byDeclared = config.Declared.ToDictionary(d => d.Name, d => UsesReplicaPlaceholder(d)
            ? config.InstancesOf(d.Name).ToImmutableArray()
            : [d]);
        var result = ImmutableArray.CreateBuilder<ExportUnit>();
        foreach (var declared in config.Declared)
        {
            var dependsOn = declared.DependsOn
                .SelectMany(d => byDeclared.TryGetValue(d.Service, out var targets) ? targets.Select(t => (t.Name, d)) : [(d.Service, d)])
                .ToList();
            foreach (var service in byDeclared[declared.Name])
            {
                var replicas = service == declared ? declared.Replicas ?? 1 : 1;
                result.Add(new ExportUnit(service.Name, service, replicas, dependsOn));
            }
        }

        return result.ToImmutable();
    }

    /// `{replica}` in the command, env, ports or health check: each instance differs from the others.
    public static bool UsesReplicaPlaceholder(ServiceConfig s) =>
        s.Replicas is not null && (!s.PortTemplates.IsEmpty
        || s.Command.Any(Has) || s.Environment.Values.Any(Has)
        || (s.Health is { } h && (Has(h.Target) || h.ExecArgv.Any(Has))));

    private static bool Has(string text) => text.Contains(Replicas.Placeholder, StringComparison.Ordinal);
}
