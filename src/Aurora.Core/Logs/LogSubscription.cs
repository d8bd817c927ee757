using System.Threading.Channels;

namespace Aurora.Core.Logs;

/// Backlog is the last lines at the moment Follow was called; Lines carries every line written after
/// it, with no gap and no duplicate at the seam. Lines completes normally when the subscription or the
/// log is disposed, and with LogFollowerOverflowException when the reader fell too far behind.
public sealed class LogSubscription : IDisposable
{
    private readonly Action _onDispose;

    internal LogSubscription(IReadOnlyList<string> backlog, ChannelReader<string> lines, Action onDispose)
    {
        Backlog = backlog;
        Lines = lines;
        _onDispose = onDispose;
    }

    public IReadOnlyList<string> Backlog { get; }

    public ChannelReader<string> Lines { get; }

    public void Dispose() => _onDispose();
}
