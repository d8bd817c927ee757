using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Core.Graph;

/// The `depends_on` graph of a validated config (the loader has already rejected cycles and
/// unknown names). Gives dependents for change propagation and an order for stopping.
public sealed class DependencyGraph
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _dependents;

    public DependencyGraph(IEnumerable<ServiceConfig> services)
    {
        var list = services.ToList();
        var names = list.Select(s => s.Name).ToHashSet();
        var dependents = list.ToDictionary(s => s.Name, _ => ImmutableArray.CreateBuilder<string>());
        foreach (var s in list)
        {
            foreach (var d in s.DependsOn.Where(d => names.Contains(d.Service)))
            {
                dependents[d.Service].Add(s.Name);
            }
        }

        _dependents = dependents.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutable());
        Dependencies = list.ToImmutableDictionary(s => s.Name, s => s.DependsOn.Select(d => d.Service).Where(names.Contains).ToImmutableArray());
        StartOrder = TopologicalOrder(list);
    }

    public ImmutableDictionary<string, ImmutableArray<string>> Dependencies { get; }

    /// Every service after all of its dependencies; ties keep file order.
    public ImmutableArray<string> StartOrder { get; }

    public ImmutableArray<string> DependentsOf(string name) => _dependents.GetValueOrDefault(name, []);

    /// Whether `service` depends on any of `on`, directly or through others.
    public bool DependsTransitively(string service, IReadOnlySet<string> on)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(Dependencies.GetValueOrDefault(service, []));
        while (stack.TryPop(out var next))
        {
            if (on.Contains(next))
            {
                return true;
            }

            if (seen.Add(next))
            {
                foreach (var d in Dependencies.GetValueOrDefault(next, []))
                {
                    stack.Push(d);
                }
            }
        }

        return false;
    }


    private ImmutableArray<string> TopologicalOrder(List<ServiceConfig> services)
    {
        var order = ImmutableArray.CreateBuilder<string>(services.Count);
        var placed = new HashSet<string>();
        while (order.Count < services.Count)
        {
            var progressed = false;
            foreach (var s in services.Where(s => !placed.Contains(s.Name)))
            {
                if (Dependencies[s.Name].All(placed.Contains))
                {
                    order.Add(s.Name);
                    placed.Add(s.Name);
                    progressed = true;
                }
            }

            if (!progressed)
            {
                throw new InvalidOperationException("dependency cycle among: " +
                    string.Join(", ", services.Where(s => !placed.Contains(s.Name)).Select(s => s.Name)));
            }
        }

        return order.ToImmutable();
    }
}
