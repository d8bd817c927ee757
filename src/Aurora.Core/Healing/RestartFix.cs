using System.Collections.Immutable;

namespace Aurora.Core.Healing;

/// hang, out_of_memory: the supervisor has already killed and restarted the service; this records whether
/// that restart brought it back (verified like any fix), so the store learns how often it works.
public sealed class RestartFix(string cause) : IFix
{
    public string Name => "restart";

    public string Cause => cause;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => false;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) => [];

    public (bool Applies, string Reason) Check(FixContext context) => (true, "");

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct) =>
        Task.FromResult(FixResult.Ok("restarted by the supervisor (process group killed)"));
}
