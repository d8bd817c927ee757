using System.Collections.Immutable;
using Aurora.Core.Logs;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// A fix from the service's `fixes:` list: run its argv; its own `verify` decides with the service check.
public sealed class UserDefinedFix(Config.UserFix spec, int index, FixCommandRunner runner, IServiceOutput log, TimeSpan timeout) : IFix
{
    /// The fix's name in events, history and the fix records: its command line with secrets masked
    /// (`--password=***`, `https://user:***@host`), so a token on it never reaches an event.
    public string Name { get; } = $"user:{index}:{Secrets.ScrubCommandLine(spec.Run, [])}";

    public string Cause => spec.Cause;

    public bool IsUserDefined => true;

    public bool HoldsServiceDown => true;

    public ImmutableArray<string> Verify => spec.Verify;

    public ImmutableArray<string> Touches(FixContext context) => spec.Touches;

    public (bool Applies, string Reason) Check(FixContext context) => (true, "");

    public async Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        var (ok, detail) = await runner.RunAsync(spec.Run, context.Service, log, timeout, ct);
        return new FixResult(ok, detail);
    }
}
