using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Timing;
using Aurora.Layout;

namespace Aurora.Cli.Commands;

/// `aurora down`: stop every service (reverse dependency order), then the daemon.
internal static class DownCommand
{
    public static Command Create()
    {
        var command = new Command("down", "Stop all services and the daemon");
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            var paths = ProjectLocator.Paths(parse);
            var pid = DaemonLock.RunningPid(paths);
            using var client = new ControlClient(paths);
            var result = await client.PostAsync("/api/v1/shutdown", AuroraJsonContext.Default.ShutdownDto, ct);
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"aurora: {error}");
            }

            // The daemon exits right after answering: wait until it has let go of the project.
            await Poll.UntilAsync(() => DaemonLock.RunningPid(paths) is null, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30), TimeProvider.System, ct);

            Console.WriteLine($"aurora: stopped {result.Stopped} service{(result.Stopped == 1 ? "" : "s")} and the daemon{(pid is { } p ? $" (pid {p})" : "")}");
            return result.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
