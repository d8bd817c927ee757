using System.CommandLine;
using Aurora.Cli.Commands;
using Aurora.Daemon.Entry;

namespace Aurora.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // The holder (started by the daemon, never by hand) stays clear of everything else in this binary: no
        // command line parser, no config, nothing of the daemon's; so little of it is ever paged in.
        if (args is ["holder", var stateDirectory])
        {
            return Aurora.Core.Processes.Holding.HolderServer.Run(stateDirectory);
        }

        // The daemon (`aurora daemon ARGS`, what `up -d` runs when no `aurora-daemon` was built beside this binary)
        // reads its arguments as `aurora-daemon` does (DaemonArguments): one parser for both.
        if (args is ["daemon", .. var daemonArgs] && daemonArgs is not ["restart", ..])
        {
            return await DaemonMain.RunAsync(daemonArgs, HolderCommand.Find());
        }

        var root = new RootCommand("Aurora: a self-healing service supervisor with a memory")
        {
            CliOptions.Files,
            CliOptions.Profiles,
            UpCommand.Create(),
            DownCommand.Create(),
            StatusCommand.Create(),
            ServiceActionCommand.Create("start", "Start services (lifts a quarantine)"),
            ServiceActionCommand.Create("stop", "Stop services and keep them down"),
            ServiceActionCommand.Create("restart", "Restart services (their restart-policy dependents follow)"),
            HealCommand.Create(),
            ScaleCommand.Create(),
            LogsCommand.Create(),
            EventsCommand.Create(),
            ReloadCommand.Create(),
            HistoryCommand.Create(),
            ValidateCommand.Create(),
            ConfigCommand.Create(),
            DoctorCommand.Create(),
            InsightsCommand.Create(),
            DashboardCommand.Create(),
            StartupCommand.Create(),
            ExportCommand.Create(),
            DaemonCommand.Create(),
            AskCommand.Create(),
            McpCommand.Create(),
            ImportCommand.Create(),
        };

        // `up` in the foreground owns Ctrl-C itself (it stops every service before exiting), so the parser
        // must not cut it short after its default two seconds.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
