using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Supervision;

namespace Aurora.Core.Notify;

/// Every service's Settling, and the one-line summary Aurora sends systemd as STATUS=
/// ("4 services: 2 up, 1 completed, 1 starting (api)").
public sealed record StackProgress(ImmutableArray<(string Name, Settling Settling)> Services)
{
    // Names listed per kind before "+N": keeps STATUS one short line on a big stack.
    private const int NamesShown = 3;

    private static readonly (Settling Kind, string Label, bool Named)[] Kinds =
    [
        (Settling.Up, "up", false),
        (Settling.Degraded, "degraded", true),
        (Settling.Unhealthy, "unhealthy", true),
        (Settling.Completed, "completed", false),
        (Settling.Failed, "failed", true),
        (Settling.HeldBack, "held back", true),
        (Settling.Stopped, "stopped", true),
        (Settling.Starting, "starting", true),
    ];

    /// True when every service has settled: the moment for READY=1.
    public bool Settled => Services.All(s => s.Settling != Settling.Starting);

    public static StackProgress Of(IEnumerable<ServiceConfig> services, IReadOnlyDictionary<string, ServiceSnapshot> states)
    {
        var list = services.ToList();
        var configs = list.ToDictionary(s => s.Name);
        return new StackProgress([.. list.Select(s => (s.Name, ServiceSettling.Of(s, states, configs)))]);
    }

    public string Summary()
    {
        var parts = new List<string>();
        foreach (var (kind, label, named) in Kinds)
        {
            var names = Services.Where(s => s.Settling == kind).Select(s => s.Name).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            var shown = string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" +{names.Count - NamesShown}" : "");
            parts.Add(named ? $"{names.Count} {label} ({shown})" : $"{names.Count} {label}");
        }

        var count = Services.Length == 1 ? "1 service" : $"{Services.Length} services";
        return parts.Count == 0 ? count : $"{count}: {string.Join(", ", parts)}";
    }
}
