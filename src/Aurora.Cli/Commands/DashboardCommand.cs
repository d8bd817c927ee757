using System.CommandLine;
using Aurora.Cli.Output;
using Aurora.Core.Config;
using Aurora.Layout;

namespace Aurora.Cli.Commands;

/// `aurora dashboard`: prints the dashboard link, token included (in the URL fragment, which the
/// browser keeps to itself).
internal static class DashboardCommand
{
    public static Command Create()
    {
        var command = new Command("dashboard", "Print the link to the web dashboard (with its token)");
        CommandRunner.SetAction(command, (parse, _) =>
        {
            if (ConfigGate.Load(ProjectLocator.ConfigPaths(parse), printWarnings: false) is not { } config)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            if (config.Dashboard is null)
            {
                Terminal.Error($"no dashboard is configured; add `dashboard: {{ listen: \"127.0.0.1:7070\" }}` to {Path.GetFileName(config.FilePath)} and run `aurora up`");
                return Task.FromResult(ExitCodes.Failed);
            }

            var paths = new DaemonPaths(config.ProjectDirectory);
            if (DaemonLock.RunningPid(paths) is null || DashboardLink.Read(config, paths) is not { } link)
            {
                Terminal.Error($"no daemon is running for {paths.ProjectDirectory}; start it with `aurora up -d`");
                return Task.FromResult(ExitCodes.NoDaemon);
            }

            Console.WriteLine(link);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// The line `aurora up` prints once the daemon runs, when a dashboard is configured.
    public static void PrintLink(AuroraConfig config, DaemonPaths paths)
    {
        if (DashboardLink.Read(config, paths) is { } link)
        {
            Console.WriteLine($"aurora: dashboard at {link}");
        }
    }
}
