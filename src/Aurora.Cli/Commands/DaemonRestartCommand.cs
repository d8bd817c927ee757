using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;
using Aurora.Core.Timing;

namespace Aurora.Cli.Commands;

/// `aurora daemon restart`: replaces the daemon with the binary on disk (`./aurora` rebuilds it first when a source
/// changed) without restarting a service, and says how long the handover took: from the request to the new daemon
/// answering with every service that ran before adopted under the same pid.
internal static class DaemonRestartCommand
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var command = new Command("restart", "Replace the daemon with the current binary; no service is restarted");
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            var paths = ProjectLocator.Paths(parse);
            var time = TimeProvider.System;
            using var client = new ControlClient(paths, TimeSpan.FromSeconds(5));
            var before = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
            var start = time.GetTimestamp();
            var old = await client.PostAsync("/api/v1/daemon/restart", AuroraJsonContext.Default.HealthzDto, ct);
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
            Console.WriteLine($"aurora: daemon replaced in {took.TotalMilliseconds:0} ms (pid {old.Pid}); " +
                $"{kept.Count - changed.Count} of {kept.Count} running services kept their process" +
                (changed.Count > 0 ? $"; restarted: {string.Join(", ", changed)}" : ""));
            return changed.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
