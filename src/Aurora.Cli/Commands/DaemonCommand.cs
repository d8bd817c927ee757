using System.CommandLine;
using Aurora.Daemon.Entry;

namespace Aurora.Cli.Commands;

/// `aurora daemon -f FILE [--log FILE] [--profile NAME]`: the daemon itself, as `up -d` starts it when no
/// `aurora-daemon` was built beside `aurora` (DaemonCommandLine). Hidden from help. Program.Main hands
/// `aurora daemon ARGS` to DaemonMain before this parser sees it, as `aurora-daemon ARGS` does; this command
/// remains for `aurora daemon restart` and for the options given before `daemon` (`aurora -f x.yaml daemon`).
internal static class DaemonCommand
{
    public static Command Create()
    {
        var log = new Option<FileInfo?>("--log") { Description = "Append stdout and stderr to this file" };
        var command = new Command("daemon", "Run the daemon in the foreground without the event feed") { log, DaemonRestartCommand.Create() };
        command.Hidden = true;
        CommandRunner.SetAction(command, (parse, ct) => DaemonMain.RunAsync(
            new DaemonArguments([.. ProjectLocator.ConfigPaths(parse)], parse.GetValue(log)?.FullName, [.. ProjectLocator.Profiles(parse)]),
            HolderCommand.Find(), ct));
        return command;
    }
}
