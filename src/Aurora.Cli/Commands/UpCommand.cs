using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Core.Timing;
using Aurora.Daemon.Hosting;
using Aurora.Layout;

namespace Aurora.Cli.Commands;

/// `aurora up [-f FILE] [-d]`: validate, then run the daemon here (Ctrl-C stops everything cleanly)
/// or, with -d, in its own session in the background.
internal static class UpCommand
{
    public static Command Create()
    {
        var detach = new Option<bool>("--detach", "-d") { Description = "Run the daemon in the background" };
        var command = new Command("up", "Start the daemon and every service") { detach };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            if (ConfigGate.Load(ProjectLocator.ConfigPaths(parse), profiles: ProjectLocator.Profiles(parse)) is not { } config)
            {
                return ExitCodes.Usage;
            }

            var paths = new DaemonPaths(config.ProjectDirectory);
            if (DaemonLock.RunningPid(paths) is { } running)
            {
                Terminal.Error($"a daemon is already running for {paths.ProjectDirectory} (pid {running}); see `aurora status`");
                return ExitCodes.Failed;
            }

            // The doctor's cheap checks (commands, cwd, ports, variables): said before anything starts, so a
            // service that is bound to fail is explained before it does. They do not hold the start back.
            foreach (var f in HostDoctor.For(config).CheapChecks(config).Problems)
            {
                var mark = f.Severity == Aurora.Core.Doctor.DoctorSeverity.Blocking ? Terminal.Paint("problem", "31") : Terminal.Paint("warning", "33");
                Console.Error.WriteLine($"aurora: {mark}: {(f.Service is { } s ? s + ": " : "")}{f.Message}{(f.Fix is { } fix ? $" (fix: {fix})" : "")}");
            }

            return parse.GetValue(detach) ? await DetachAsync(config, paths, ct) : await ForegroundAsync(config, ct);
        });
        return command;
    }

    private static async Task<int> ForegroundAsync(AuroraConfig config, CancellationToken ct)
    {
        Console.WriteLine($"aurora: supervising {config.Services.Length} services from {string.Join(" + ", config.Files)} (Ctrl-C stops them all)");
        try
        {
            var outcome = await DaemonHost.RunAsync(config, (rt, feed) =>
            {
                DashboardCommand.PrintLink(config, rt.Paths);
                return EventFeed.PrintAsync(rt.Paths, rt.BootSeq, feed);
            }, ct, HolderCommand.Find());
            if (outcome == DaemonOutcome.Replace)
            {
                return DaemonMain.Replace();
            }
        }
        catch (DaemonAlreadyRunningException ex)
        {
            Terminal.Error(ex.Message);
            return ExitCodes.Failed;
        }

        Console.WriteLine("aurora: all services stopped");
        return ExitCodes.Ok;
    }

    private static async Task<int> DetachAsync(AuroraConfig config, DaemonPaths paths, CancellationToken ct)
    {
        var daemon = DaemonSpawner.Spawn(config.Files, paths, config.ActiveProfiles);
        using var client = new ControlClient(paths, TimeSpan.FromSeconds(5));
        HealthzDto? health = null;
        async Task<bool> AnswersOrDied()
        {
            try
            {
                health = await client.GetAsync("/healthz", AuroraJsonContext.Default.HealthzDto, ct);
                return true;
            }
            catch (Exception ex) when (ex is DaemonNotRunningException or HttpRequestException)
            {
                return daemon.Exited.IsCompleted;
            }
        }

        await Poll.UntilAsync(AnswersOrDied, TimeSpan.FromMilliseconds(25), TimeSpan.FromSeconds(30), TimeProvider.System, ct);
        if (health is null)
        {
            Terminal.Error(daemon.Exited.IsCompleted
                ? $"the daemon exited at start ({daemon.Exited.Result}); see {paths.DaemonLog}"
                : $"the daemon did not answer within 30s; see {paths.DaemonLog}");
            return ExitCodes.Failed;
        }

        Console.WriteLine($"aurora: daemon pid {health.Pid} supervising {config.Services.Length} services in {paths.ProjectDirectory}");
        Console.WriteLine("aurora: `aurora status` shows them, `aurora down` stops them");
        DashboardCommand.PrintLink(config, paths);
        return ExitCodes.Ok;
    }
}
