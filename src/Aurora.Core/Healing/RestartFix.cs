using System.Collections.Immutable;

namespace Aurora.Core.Healing;

/// hang, out_of_memory: the supervisor has already killed and restarted the service; this records whether
/// that restart brought it back (verified like any fix), so the store learns how often it works. Once the service
/// is quarantined the supervisor has not restarted it, and this fix does not apply: it changes nothing, so a
/// restart by the healer would be the retry the restart limit forbids (a person's `aurora heal` still runs it).
public sealed class RestartFix(string cause) : IFix
{
    public string Name => "restart";

    public string Cause => cause;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => false;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) => [];

    public (bool Applies, string Reason) Check(FixContext context) => context.QuarantinedForHealer
        ? (false, "the service is quarantined (restart limit reached): the supervisor did not restart it, and a restart changes nothing; `aurora start` lifts the quarantine")
        : (true, "");

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct) =>
        Task.FromResult(FixResult.Ok("restarted by the supervisor (process group killed)"));
}
