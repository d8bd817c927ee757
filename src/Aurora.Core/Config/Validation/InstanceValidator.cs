using Aurora.Core.Config.Reading;

namespace Aurora.Core.Config.Validation;

/// What replicas and profiles can get wrong: instance names taken by a declared service, `{replica}` ports that are
/// not ports or collide once expanded, and a service of the stack that depends on one no active profile starts.
internal static class InstanceValidator
{
    public static void Check(IReadOnlyList<ParsedService> services, DiagnosticBag bag, IReadOnlyCollection<string> activeProfiles)
    {
        CheckNames(services, bag);
        CheckExpandedPorts(services, bag);
        CheckProfiles(services, bag, activeProfiles);
    }

    private static void CheckNames(IReadOnlyList<ParsedService> services, DiagnosticBag bag)
    {
        var instances = new Dictionary<string, string>();
        foreach (var s in services.Where(s => s.Config.Replicas is not null))
        {
            for (var i = 1; i <= s.Config.Replicas!.Value; i++)
            {
                instances[Replicas.InstanceName(s.Config.Name, i)] = s.Config.Name;
            }
        }

        foreach (var s in services.Where(s => instances.ContainsKey(s.Config.Name)))
        {
            bag.Error(s.NameAt, KeyPath.Child("services", s.Config.Name),
                $"is also the name of a replica of {YamlNodes.Quote(instances[s.Config.Name])}; rename one of them");
        }

        foreach (var s in services.Where(s => s.Config.Replicas is null && !s.PortTemplates.IsEmpty))
        {
            var t = s.PortTemplates[0];
            bag.Error(t.At, t.Path, $"{YamlNodes.Quote(t.Template!)} uses {Replicas.Placeholder}, which needs replicas: on the service");
        }
    }

    private static void CheckExpandedPorts(IReadOnlyList<ParsedService> services, DiagnosticBag bag)
    {
        var owners = new Dictionary<int, string>();
        foreach (var s in services)
        {
            foreach (var p in s.Ports)
            {
                owners.TryAdd(p.Port, s.Config.Name);
            }
        }

        foreach (var s in services.Where(s => s.Config.Replicas is not null))
        {
            foreach (var t in s.PortTemplates)
            {
                for (var i = 1; i <= s.Config.Replicas!.Value; i++)
                {
                    var instance = Replicas.InstanceName(s.Config.Name, i);
                    if (Replicas.Port(t.Template!, i) is not { } port)
                    {
                        bag.Error(t.At, t.Path, $"{YamlNodes.Quote(t.Template!)} makes no port for replica {i}; it must expand to a number from 1 to 65535");
                        break;
                    }

                    if (!owners.TryAdd(port, instance))
                    {
                        bag.Error(t.At, t.Path, $"{YamlNodes.Quote(t.Template!)} makes port {port} for {instance}, which {owners[port]} also uses; each instance needs a port of its own");
                        break;
                    }
                }
            }
        }
    }

    private static void CheckProfiles(IReadOnlyList<ParsedService> services, DiagnosticBag bag, IReadOnlyCollection<string> active)
    {
        bool Starts(ServiceConfig s) => s.Profiles.IsEmpty || s.Profiles.Any(active.Contains);
        var byName = services.ToDictionary(s => s.Config.Name);
        foreach (var s in services.Where(s => Starts(s.Config)))
        {
            foreach (var (dependency, at, path) in s.Dependencies)
            {
                if (byName.TryGetValue(dependency.Service, out var target) && !Starts(target.Config))
                {
                    var profiles = string.Join(", ", target.Config.Profiles);
                    bag.Error(at, path,
                        $"{YamlNodes.Quote(dependency.Service)} starts only with profile {profiles}, which is not active, so {s.Config.Name} would wait for it forever; activate it (up --profile {target.Config.Profiles[0]}) or give {s.Config.Name} the same profile");
                }
            }
        }
    }
}
