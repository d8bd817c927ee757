using System.Collections.Immutable;

namespace Aurora.Core.Reload;

/// What a reload changes, service by service. Restarted services carry the fields that forced it.
/// Settings are the top-level sections that changed and apply without a restart (notify, healing,
/// maintenance, metrics); NeedsDaemonRestart those that only a new daemon takes (dashboard, store).
public sealed record ReloadPlan(
    ImmutableArray<string> Added,
    ImmutableArray<string> Removed,
    ImmutableArray<ServiceChange> Restarted,
    ImmutableArray<ServiceChange> Updated,
    ImmutableArray<string> Unchanged,
    ImmutableArray<string> NeedsDaemonRestart,
    ImmutableArray<string> Settings)
{
    public bool ChangesNothing => Added.IsEmpty && Removed.IsEmpty && Restarted.IsEmpty && Updated.IsEmpty && Settings.IsEmpty;
}
