using System.Runtime.CompilerServices;

namespace Aurora.Daemon.Hosting;

/// Calls back after each garbage collection that reached gen0 (so after every collection), with no thread and no
/// timer: a small object nobody references is finalized by the collection that finds it dead, and its finalizer
/// calls back and leaves the next one. A collection follows only allocation (the gen0 budget used up), so an
/// idle process is never called back. The callback runs on the finalizer thread: it must be quick and must
/// not throw.
internal sealed class CollectionSignal : IDisposable
{
    private readonly Action _collected;
    private volatile bool _disposed;

    private CollectionSignal(Action collected) => _collected = collected;

    public static CollectionSignal Start(Action collected)
    {
        var signal = new CollectionSignal(collected);
        signal.Arm();
        return signal;
    }

    // Not inlined: the sentinel must not outlive this frame in a register or a stack slot the collector scans.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Arm() => _ = new Sentinel(this);

    public void Dispose() => _disposed = true;

    private sealed class Sentinel(CollectionSignal owner)
    {
        ~Sentinel()
        {
            if (owner._disposed)
            {
                return;
            }

            try
            {
                owner._collected();
            }
            catch (Exception ex)
            {
                // An exception on the finalizer thread would end the daemon: say it, and keep listening.
                Aurora.Daemon.Http.DaemonLog.Say($"aurora: after a collection: {ex.Message}");
            }

            owner.Arm();
        }
    }
}
