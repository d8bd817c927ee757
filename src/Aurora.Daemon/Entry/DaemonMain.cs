using System.Collections.Immutable;
using Aurora.Daemon.Hosting;
using Aurora.Layout;

namespace Aurora.Daemon.Entry;

/// The detached daemon, as `up -d` starts it: `aurora-daemon ARGS` (src/Aurora.DaemonBin) or, when that was not
/// built beside `aurora`, `aurora daemon ARGS`. Both run this. Signals are DaemonHost's own (SIGTERM, SIGINT and
/// SIGQUIT stop, SIGHUP reloads). Exit codes: 0 stopped, 1 failed (another daemon holds the project, the
/// replacement could not exec, an unexpected error), 2 bad arguments or config.
public static class DaemonMain
{
    private const int Ok = 0;
    private const int Failed = 1;
    private const int Usage = 2;

    /// holderCommand: how to run the holder (HolderCommand.Find).
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ImmutableArray<string> holderCommand)
    {
        if (args is ["-h" or "--help"])
        {
            Console.Out.WriteLine(DaemonArguments.Usage);
            return Ok;
        }

        if (DaemonArguments.Parse(args, out var error) is not { } arguments)
        {
            Console.Error.WriteLine($"aurora: {error}");
            Console.Error.WriteLine(DaemonArguments.Usage);
            return Usage;
        }

        try
        {
            return await RunAsync(arguments, holderCommand, CancellationToken.None);
        }
        catch (Exception e)
        {
            // What the CLI's parser printed for `aurora daemon` (its default exception handler): the daemon's log keeps it.
            Console.Error.WriteLine("Unhandled exception: " + e);
            return Failed;
        }
    }

    public static async Task<int> RunAsync(DaemonArguments arguments, ImmutableArray<string> holderCommand, CancellationToken ct)
    {
        if (arguments.Log is { } log)
        {
            OutputRedirect.To(Path.GetFullPath(log));
        }

        var config = ConfigGate.Load(ProjectConfig.Paths(arguments.Files), printWarnings: false, ProjectConfig.Profiles(arguments.Profiles));
        if (config is null)
        {
            return Usage;
        }

        try
        {
            var outcome = await DaemonHost.RunAsync(config, DaemonLogFeed.PrintAsync, ct, holderCommand);
            return outcome == DaemonOutcome.Replace ? Replace() : Ok;
        }
        catch (DaemonAlreadyRunningException ex)
        {
            Console.Error.WriteLine($"aurora: {ex.Message}");
            return Failed;
        }
    }

    /// Re-executes this binary as the new daemon (DaemonReplacement); returns only if that failed (the services stay
    /// with the holder, and the next daemon to start adopts them).
    public static int Replace()
    {
        Console.Error.WriteLine("aurora: cannot replace the daemon: " + DaemonReplacement.Exec());
        return Failed;
    }
}
