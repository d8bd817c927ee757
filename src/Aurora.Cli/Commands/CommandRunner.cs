using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Cli.Output;

namespace Aurora.Cli.Commands;

/// Runs a command body with the CLI's error contract: exit 3 when no daemon runs, 2 for bad usage,
/// 1 when the operation failed; the message goes to stderr, never a stack trace.
internal static class CommandRunner
{
    public static void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                return await body(parse, ct);
            }
            catch (DaemonNotRunningException ex)
            {
                Terminal.Error(ex.Message);
                return ExitCodes.NoDaemon;
            }
            catch (ApiException ex)
            {
                Terminal.Error(ex.Message);
                return ex.Status is 400 or 404 ? ExitCodes.Usage : ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return ExitCodes.Failed;
            }
        });
}
