using System.CommandLine;
using System.Runtime.InteropServices;
using Aurora.Cli.Output;
using Aurora.Daemon.Hosting;
using Aurora.Layout;

namespace Aurora.Cli.Commands;

/// `aurora daemon -f FILE [--log FILE]`: the daemon itself, as `up -d` starts it. Hidden from help.
internal static partial class DaemonCommand
{
    public static Command Create()
    {
        var log = new Option<FileInfo?>("--log") { Description = "Append stdout and stderr to this file" };
        var command = new Command("daemon", "Run the daemon in the foreground without the event feed") { log, DaemonRestartCommand.Create() };
        command.Hidden = true;
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            if (parse.GetValue(log) is { } file)
            {
                RedirectOutput(file.FullName);
            }

            if (ConfigGate.Load(ProjectLocator.ConfigPaths(parse), printWarnings: false, ProjectLocator.Profiles(parse)) is not { } config)
            {
                return ExitCodes.Usage;
            }

            try
            {
                var outcome = await DaemonHost.RunAsync(config, DaemonLogFeed.PrintAsync, ct,
                    Client.HolderCommand.Find());
                return outcome == DaemonOutcome.Replace ? Replace() : ExitCodes.Ok;
            }
            catch (DaemonAlreadyRunningException ex)
            {
                Terminal.Error(ex.Message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    /// Re-executes this binary as the new daemon; returns only if that failed (the services stay with the holder,
    /// and the next daemon to start adopts them).
    internal static int Replace()
    {
        Terminal.Error("cannot replace the daemon: " + DaemonReplacement.Exec());
        return ExitCodes.Failed;
    }

    /// Points fds 1 and 2 at the log file, so the runtime's own messages land there too.
    private static void RedirectOutput(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fd = Open(path, 0x441 /* O_WRONLY | O_CREAT | O_APPEND */, 0b110_000_000);
        if (fd < 0)
        {
            return;
        }

        _ = Dup2(fd, 1);
        _ = Dup2(fd, 2);
        _ = Close(fd);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
