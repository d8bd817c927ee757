using Aurora.Core.Processes;

namespace Aurora.Core.Logs;

/// One process's output into its ServiceLog. It assembles complete lines from chunks, so the log only
/// ever receives whole lines and two writers never interleave mid-line. Called by one reader at a
/// time (the IOutputSink contract), so its buffer needs no lock.
internal sealed class LogWriter(ServiceLog log) : IOutputSink
{
    /// A partial line longer than this is written as a line of its own, so a child that never
    /// prints '\n' cannot grow the buffer without bound.
    internal const int MaxPartialLine = 64 * 1024;

    private const int InitialBuffer = 4096;

    /// Empty until a line must wait for its end here: the pump hands over whole lines, so that is rare (a line longer
    /// than a chunk, held output that ended mid-line, a last line without its newline), and 4 KB for every service
    /// was 4 MB at 1,000.
    private byte[] _pending = [];
    private int _pendingLength;
    private bool _completed;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        if (_completed || chunk.IsEmpty)
        {
            return;
        }

        var lastNewline = chunk.LastIndexOf((byte)'\n');
        if (lastNewline >= 0)
        {
            var complete = chunk[..(lastNewline + 1)];
            if (_pendingLength == 0)
            {
                log.AppendLines(complete);
            }
            else
            {
                AppendPending(complete);
                log.AppendLines(_pending.AsSpan(0, _pendingLength));
                ResetPending();
            }

            chunk = chunk[(lastNewline + 1)..];
        }

        AppendPending(chunk);
        if (_pendingLength > MaxPartialLine)
        {
            FlushPending();
        }
    }

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        FlushPending();
    }

    private void FlushPending()
    {
        if (_pendingLength == 0)
        {
            return;
        }

        AppendPending("\n"u8);
        log.AppendLines(_pending.AsSpan(0, _pendingLength));
        ResetPending();
    }

    private void AppendPending(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (_pendingLength + bytes.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(Math.Max(_pending.Length * 2, InitialBuffer), _pendingLength + bytes.Length));
        }

        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    private void ResetPending()
    {
        _pendingLength = 0;
        _pending = [];
    }
}
