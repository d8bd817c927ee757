using Aurora.Cli.Output;
using Aurora.Contracts.V1;
using Aurora.Core.Timing;
using Aurora.Layout;

namespace Aurora.Cli.Client;

/// The wait after asking the daemon to replace itself (`aurora daemon restart`, `aurora ask "restart yourself"`): from
/// the request to the new daemon answering with every service that ran before adopted under the same pid; then one
/// line with how long the handover took.
internal static class DaemonHandover
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    /// `start`: the request's timestamp (TimeProvider.System); `before`: the services as they were just before it.
    public static async Task<int> WaitAndReportAsync(DaemonPaths paths, ServiceListDto before, int pid, long start, CancellationToken ct)
    {
        var time = TimeProvider.System;
        using var client = new ControlClient(paths, TimeSpan.FromSeconds(5));
        ServiceListDto? after = null;
        var done = await Poll.UntilAsync(async () =>
        {
            try
            {
                // A new daemon: its uptime is shorter than the time since the request.
                var health = await client.GetAsync("/healthz", AuroraJsonContext.Default.HealthzDto, ct);
                if (health.UptimeMs >= time.GetElapsedTime(start).TotalMilliseconds)
                {
                    return false;
                }

                after = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
                return before.Services.Where(s => s.Pid is not null).All(s => after.Services.Any(a => a.Name == s.Name && a.Pid is not null));
            }
            catch (Exception e) when (e is DaemonNotRunningException or ApiException or HttpRequestException or IOException)
            {
                return false;
            }
        }, TimeSpan.FromMilliseconds(5), Within, time, ct);
        var took = time.GetElapsedTime(start);
        if (!done || after is null)
        {
            Terminal.Error($"the new daemon did not take over within {Within.TotalSeconds:0} s; see {paths.DaemonLog}");
            return ExitCodes.Failed;
        }

        var kept = before.Services.Where(s => s.Pid is not null).ToList();
        var changed = kept.Where(s => after.Services.Single(a => a.Name == s.Name).Pid != s.Pid).Select(s => s.Name).ToList();
        Console.WriteLine($"aurora: daemon replaced in {took.TotalMilliseconds:0} ms (pid {pid}); " +
            $"{kept.Count - changed.Count} of {kept.Count} running services kept their process" +
            (changed.Count > 0 ? $"; restarted: {string.Join(", ", changed)}" : ""));
        return changed.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
