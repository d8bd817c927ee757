using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

public sealed partial class HealingEngine
{
    /// The service is healthy (or running, without a health check) within the timeout and stays so longer than
    /// its failed run did (FailedRuns); then the fix's own verify command, if any, exits 0.
    private async Task<(bool Ok, string Why)> VerifyAsync(ServiceSupervisor supervisor, IFix fix, TimeSpan timeout, CancellationToken ct)
    {
        var config = supervisor.Config;
        var (up, why) = await new ServiceWaiter(_setup.States, _setup.Time).UpAsync(config, timeout, ct,
            stay: _failedRuns.StayUp(config.Name, timeout));
        if (!up)
        {
            return (false, why);
        }

        if (!fix.Verify.IsEmpty)
        {
            var (ok, detail) = await _setup.Runner.RunAsync(fix.Verify, config, supervisor.Output, timeout, ct);
            if (!ok)
            {
                return (false, $"verify failed: {detail}");
            }
        }

        return (true, "");
    }
}
