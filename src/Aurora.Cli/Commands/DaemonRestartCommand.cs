using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora daemon restart`: replaces the daemon with the binary on disk (`./aurora` rebuilds it first when a source
/// changed) without restarting a service, and says how long the handover took (DaemonHandover).
internal static class DaemonRestartCommand
{
    public static Command Create()
    {
        var command = new Command("restart", "Replace the daemon with the current binary; no service is restarted");
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            var paths = ProjectLocator.Paths(parse);
            using var client = new ControlClient(paths, TimeSpan.FromSeconds(5));
            var before = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
            var start = TimeProvider.System.GetTimestamp();
            var old = await client.PostAsync("/api/v1/daemon/restart", AuroraJsonContext.Default.HealthzDto, ct);
            return await DaemonHandover.WaitAndReportAsync(paths, before, old.Pid, start, ct);
        });
        return command;
    }
}
