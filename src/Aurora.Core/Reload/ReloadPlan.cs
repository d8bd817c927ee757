using System.Collections.Immutable;

namespace Aurora.Core.Reload;

/// What a reload changes, service by service. Restarted services carry the fields that forced it.
public sealed record ReloadPlan(
    ImmutableArray<string> Added,
    ImmutableArray<string> Removed,
    ImmutableArray<ServiceChange> Restarted,
    ImmutableArray<ServiceChange> Updated,
    ImmutableArray<string> Unchanged,
    ImmutableArray<string> NeedsDaemonRestart)
{
    public bool ChangesNothing => Added.IsEmpty && Removed.IsEmpty && Restarted.IsEmpty && Updated.IsEmpty;
}
