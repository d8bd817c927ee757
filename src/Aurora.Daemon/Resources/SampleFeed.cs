namespace Aurora.Daemon.Resources;

/// The newest resource sample, serialised once, for every stream connection. Only the newest is kept: a
/// connection that is behind sends the newest sample when it gets to it, never a backlog of them.
internal sealed class SampleFeed
{
    private readonly Lock _gate = new();
    private SampleMessage? _latest;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// The newest sample, or null before the first.
    public SampleMessage? Latest => Volatile.Read(ref _latest);

    /// The newest sample's version (0 before the first): a stream that joins now starts from it, so it gets
    /// no sample older than itself.
    public long Version => Latest?.Version ?? 0;

    public void Publish(byte[] utf8)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            Volatile.Write(ref _latest, new SampleMessage((_latest?.Version ?? 0) + 1, utf8));
            wake = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    /// Completes once there is a sample newer than `version` (at once if there is one already).
    public Task NewerThan(long version)
    {
        lock (_gate)
        {
            return _latest is { } latest && latest.Version > version ? Task.CompletedTask : _next.Task;
        }
    }
}
