using System.Collections.Immutable;
using Aurora.Core.Healing;

namespace Aurora.Core.Tests.Healing;

/// A fix that only declares what it touches; the test itself plays what the fix does.
internal sealed class TouchingFix(params string[] paths) : IFix
{
    public string Name => "user:0:test";

    public string Cause => "unknown";

    public bool IsUserDefined => true;

    public bool HoldsServiceDown => false;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) => [.. paths];

    public (bool Applies, string Reason) Check(FixContext context) => (true, "");

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct) => Task.FromResult(FixResult.Ok(""));
}
