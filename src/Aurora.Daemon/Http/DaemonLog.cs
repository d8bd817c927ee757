namespace Aurora.Daemon.Http;

/// A line in the daemon's log (its stderr, `.aurora/daemon.log` when detached) that must never throw: out of
/// descriptors or on a full disk the line may be lost, and what was saying it goes on.
internal static class DaemonLog
{
    public static void Say(string line)
    {
        try
        {
            Console.Error.WriteLine(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }
}
