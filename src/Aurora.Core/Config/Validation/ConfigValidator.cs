using Aurora.Core.Config.Parsing;
using Aurora.Core.Config.Reading;

namespace Aurora.Core.Config.Validation;

/// Checks that span services: missing and unhealthy-able dependencies, cycles, shared ports.
internal static class ConfigValidator
{
    public static void Validate(IReadOnlyList<ParsedService> services, DiagnosticBag bag, IReadOnlyCollection<string> activeProfiles)
    {
        CheckDependencies(services, bag);
        CycleFinder.Report(services, bag);
        CheckPorts(services, bag);
        InstanceValidator.Check(services, bag, activeProfiles);
    }

    private static void CheckDependencies(IReadOnlyList<ParsedService> services, DiagnosticBag bag)
    {
        var byName = services.ToDictionary(s => s.Config.Name);
        var defined = string.Join(", ", services.Select(s => s.Config.Name));
        foreach (var service in services)
        {
            foreach (var (dependency, at, path) in service.Dependencies)
            {
                var name = dependency.Service;
                if (!byName.TryGetValue(name, out var target))
                {
                    var hint = EditDistance.Suggest(name, byName.Keys) is { } s ? $"did you mean `{s}`? " : "";
                    bag.Error(at, path, $"service {YamlNodes.Quote(name)} is not defined; {hint}defined services: {defined}");
                }
                else if (dependency.Condition == DependencyCondition.Healthy && !target.HealthDeclared && target.Config.Ready is null)
                {
                    bag.Error(at, path,
                        $"{YamlNodes.Quote(name)} has no health check, so it can never become healthy; add a health check to {YamlNodes.Quote(name)} or use started");
                }
                else if (dependency.Condition == DependencyCondition.Ready && target.Config.Ready is null)
                {
                    bag.Error(at, path,
                        $"{YamlNodes.Quote(name)} has no ready: check, so it can never become ready; add ready: {{ log: \"...\" }} to {YamlNodes.Quote(name)} or use started");
                }
            }
        }
    }

    private static void CheckPorts(IReadOnlyList<ParsedService> services, DiagnosticBag bag)
    {
        var owners = new Dictionary<int, (string Service, SourcedPort Port)>();
        foreach (var service in services)
        {
            foreach (var port in service.Ports)
            {
                if (owners.TryGetValue(port.Port, out var owner))
                {
                    bag.Error(port.At, port.Path,
                        $"port {port.Port} is also declared by service {YamlNodes.Quote(owner.Service)} (line {owner.Port.At.Line}); each port can belong to one service only");
                    continue;
                }

                owners[port.Port] = (service.Config.Name, port);
            }
        }
    }
}
