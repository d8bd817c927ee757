using Aurora.Core.Processes.Holding;

namespace Aurora.Holder;

public static class Program
{
    /// `aurora-holder holder DIR`, as the daemon starts it (the argument names what it is in a process list, as
    /// `aurora holder DIR` did).
    public static int Main(string[] args)
    {
        if (args is ["holder", var stateDirectory])
        {
            return HolderServer.Run(stateDirectory);
        }

        Console.Error.WriteLine("usage: aurora-holder holder STATE_DIRECTORY (started by the Aurora daemon, not by hand)");
        return 2;
    }
}
