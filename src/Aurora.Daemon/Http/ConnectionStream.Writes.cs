namespace Aurora.Daemon.Http;

/// Writes: one at a time on the socket, each bounded by the write timeout, optionally corked.
///
/// A writer that has many small messages at once (an event stream catching up) corks the stream: writes
/// collect in a buffer and Uncork sends them with one syscall. One send per event (100 clients × 5,000
/// events/s is 500,000 a second) left the daemon a second behind; Kestrel, before, batched in its pipe.
///
/// Every write, whatever wrote it (a response, a stream, a WebSocket frame or ping), must make progress
/// within the write timeout; otherwise the connection is cut, so a client that stops reading cannot hold
/// its slot (or a route's task) for ever.
internal sealed partial class ConnectionStream
{
    // Large writes go in slices, each with a fresh timeout: the timeout measures progress, not size.
    private const int SliceBytes = 64 * 1024;

    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _corkGate = new();
    private bool _corked;
    private byte[] _cork = [];
    private int _corkLength;
    private ITimer? _writeTimer;
    private volatile bool _writeTimedOut;

    /// The connection was cut because a write made no progress within the write timeout.
    public bool WriteTimedOut => _writeTimedOut;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => WriteAsync(buffer.ToArray()).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        lock (_corkGate)
        {
            if (_corked)
            {
                if (_cork.Length - _corkLength < buffer.Length)
                {
                    Array.Resize(ref _cork, Math.Max(_corkLength + buffer.Length, Math.Max(16 * 1024, _cork.Length * 2)));
                }

                buffer.Span.CopyTo(_cork.AsSpan(_corkLength));
                _corkLength += buffer.Length;
                return ValueTask.CompletedTask;
            }
        }

        return SendAsync(buffer, ct, fromCork: false);
    }

    /// Bytes written since Cork and not yet sent.
    public int CorkedBytes
    {
        get
        {
            lock (_corkGate)
            {
                return _corkLength;
            }
        }
    }

    /// Until Uncork, writes only collect.
    public void Cork()
    {
        lock (_corkGate)
        {
            _corked = true;
        }
    }

    /// Sends what collected since Cork, in one write, and lets writes through again.
    public ValueTask UncorkAsync(CancellationToken ct) => SendAsync(ReadOnlyMemory<byte>.Empty, ct, fromCork: true);

    // One write at a time on the socket: an uncork must not interleave with a frame written meanwhile.
    private async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct, bool fromCork)
    {
        await _sending.WaitAsync(ct);
        try
        {
            if (fromCork)
            {
                lock (_corkGate)
                {
                    (buffer, _corked, _corkLength) = (_cork.AsMemory(0, _corkLength), false, 0);
                }
            }

            await SendTimedAsync(buffer, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async ValueTask SendTimedAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (data.IsEmpty)
        {
            return;
        }

        var timer = _writeTimer ??= time.CreateTimer(static s => ((ConnectionStream)s!).CutOff(), this,
            Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            while (!data.IsEmpty)
            {
                var slice = data[..Math.Min(data.Length, SliceBytes)];
                Arm(timer, writeTimeout);
                await _inner.WriteAsync(slice, ct);
                data = data[slice.Length..];
            }
        }
        catch (Exception ex) when (_writeTimedOut)
        {
            // Whatever the cut socket threw (aborted, disposed), callers see one IOException.
            throw new IOException($"the client read nothing for {writeTimeout.TotalSeconds:0.###} s; the connection was closed", ex);
        }
        finally
        {
            Arm(timer, Timeout.InfiniteTimeSpan);
        }
    }

    private void CutOff()
    {
        _writeTimedOut = true;
        _inner.Dispose();
    }

    private static void Arm(ITimer timer, TimeSpan due)
    {
        try
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The connection closed meanwhile: nothing left to time.
        }
    }

    private void DisposeWrites()
    {
        _writeTimer?.Dispose();
        _sending.Dispose();
    }
}
