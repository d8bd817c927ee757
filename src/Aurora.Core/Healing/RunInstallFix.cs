using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Logs;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// missing_dependency: run the service's declared `install` (and nothing else), then start it again.
public sealed class RunInstallFix(FixCommandRunner runner, IServiceOutput log, TimeSpan timeout) : IFix
{
    public string Name => "run_install";

    public string Cause => Causes.MissingDependency;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => true;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) => [];

    public (bool Applies, string Reason) Check(FixContext context) => context.Service.Install.IsEmpty
        ? (false, $"{context.Service.Name} declares no `install` command")
        : (true, "");

    public async Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        var (ok, detail) = await runner.RunAsync(context.Service.Install, context.Service, log, timeout, ct);
        return new FixResult(ok, detail);
    }
}
