using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Core.Supervision;

/// Whether a service's `depends_on` conditions hold right now, and if not, what it waits for
/// ("waiting for db: healthy").
public readonly record struct DependencyGate(bool Satisfied, string Reason)
{
    public static DependencyGate Evaluate(ServiceConfig service, ImmutableDictionary<string, ServiceSnapshot> states)
    {
        List<string>? missing = null;
        foreach (var dep in service.DependsOn)
        {
            if (states.TryGetValue(dep.Service, out var s) && s.Satisfies(dep.Condition))
            {
                continue;
            }

            (missing ??= []).Add($"{dep.Service}: {dep.Condition.ToString().ToLowerInvariant()}");
        }

        return missing is null ? new DependencyGate(true, "") : new DependencyGate(false, "waiting for " + string.Join(", ", missing));
    }
}
