using Aurora.Core.Processes.Holding;
using Aurora.Daemon.Entry;

namespace Aurora.DaemonBin;

public static class Program
{
    /// `aurora-daemon [-f FILE]... [--log FILE] [--profile NAME]...`, as `aurora up -d` starts it (DaemonCommandLine);
    /// `aurora-daemon holder DIR` when no `aurora-holder` was built beside it (HolderCommand), as `aurora holder DIR`.
    public static async Task<int> Main(string[] args)
    {
        if (args is ["holder", var stateDirectory])
        {
            return HolderServer.Run(stateDirectory);
        }

        return await DaemonMain.RunAsync(args, HolderCommand.Find());
    }
}
