using System.Collections.Immutable;

namespace Aurora.Core.Healing;

/// One remediation for one cause. A fix declares the paths it touches (relative to the project) so they
/// can be snapshotted and restored; applies itself; and may add its own verify command.
public interface IFix
{
    /// Stable name: "run_install", "stop_stale_instance", or "user:N" for the N-th entry of `fixes:`.
    string Name { get; }

    string Cause { get; }

    bool IsUserDefined { get; }

    /// Project-relative paths to snapshot before applying.
    ImmutableArray<string> Touches(FixContext context);

    ImmutableArray<string> Verify { get; }

    /// Whether it can help here at all (an install command is declared, the holder is a stale instance…);
    /// the reason is recorded when it cannot.
    (bool Applies, string Reason) Check(FixContext context);

    Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct);

    /// Stop the service before applying (an install must not race the running program), start it after.
    bool HoldsServiceDown { get; }
}
