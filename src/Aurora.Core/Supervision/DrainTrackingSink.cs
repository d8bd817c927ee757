using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Passes a process's output on and tells when the last of it has arrived (EOF on its output), so a
/// diagnosis can read the final lines, a traceback say, that may land a moment after the exit.
internal sealed class DrainTrackingSink(IOutputSink inner) : IOutputSink
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Drained => _drained.Task;

    public void Write(ReadOnlySpan<byte> chunk) => inner.Write(chunk);

    public void Complete()
    {
        inner.Complete();
        _drained.TrySetResult();
    }
}
