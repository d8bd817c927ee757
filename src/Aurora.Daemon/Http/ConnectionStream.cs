using System.Net.Sockets;

namespace Aurora.Daemon.Http;

/// A connection's bytes: reads go through one buffer (the request head is parsed in place from it, and
/// whatever arrived after the head is handed on first), writes go straight to the socket. The WebSocket
/// that an upgraded connection becomes reads through it too, so no byte the client sent early is lost.
///
/// A writer that has many small messages at once (an event stream catching up) corks the stream: writes
/// collect in a buffer and Uncork sends them with one syscall. One send per event (100 clients × 5,000
/// events/s is 500,000 a second) left the daemon a second behind; Kestrel, before, batched in its pipe.
internal sealed class ConnectionStream(Socket socket) : Stream
{
    private readonly NetworkStream _inner = new(socket, ownsSocket: true);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _corkGate = new();
    private bool _corked;
    private byte[] _cork = [];
    private int _corkLength;
    private byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;

    public Socket Socket => socket;

    /// Bytes received and not yet consumed.
    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    public void Consume(int count) => _start += count;

    /// Receives more into the buffer (growing it up to `limit` bytes of unconsumed data). False at end of stream.
    public async ValueTask<bool> FillAsync(int limit, CancellationToken ct)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            var pending = _end - _start;
            if (pending >= limit)
            {
                throw new HttpProtocolException(431, "request_too_large", $"the request head is larger than {limit} bytes");
            }

            var target = _start > 0 && pending < _buffer.Length / 2 ? _buffer : new byte[Math.Min(limit, _buffer.Length * 2)];
            Buffer.BlockCopy(_buffer, _start, target, 0, pending);
            (_buffer, _start, _end) = (target, 0, pending);
        }

        var read = await _inner.ReadAsync(_buffer.AsMemory(_end), ct);
        _end += read;
        return read > 0;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_start < _end)
        {
            return TakeBuffered(buffer);
        }

        return _inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        _start < _end ? ValueTask.FromResult(TakeBuffered(buffer.Span)) : _inner.ReadAsync(buffer, ct);

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

        return SendAsync(buffer, ct);
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
    public async ValueTask UncorkAsync(CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            byte[] data;
            int length;
            lock (_corkGate)
            {
                (data, length, _corked, _corkLength) = (_cork, _corkLength, false, 0);
            }

            if (length > 0)
            {
                await _inner.WriteAsync(data.AsMemory(0, length), ct);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _sending.Dispose();
        }

        base.Dispose(disposing);
    }

    // One write at a time on the socket: an uncork must not interleave with a frame written meanwhile.
    private async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await _inner.WriteAsync(buffer, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    private int TakeBuffered(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        return n;
    }
}
