using System.Net.Sockets;

namespace Aurora.Daemon.Http;

/// A connection's bytes: reads go through one buffer (the request head is parsed in place from it, and
/// whatever arrived after the head is handed on first), writes go straight to the socket (see
/// ConnectionStream.Writes.cs). The WebSocket that an upgraded connection becomes reads through it too,
/// so no byte the client sent early is lost.
internal sealed partial class ConnectionStream(Socket socket, TimeProvider time, TimeSpan writeTimeout) : Stream
{
    private readonly NetworkStream _inner = new(socket, ownsSocket: true);
    private byte[] _buffer = new byte[1024];
    private int _start;
    private int _end;

    public Socket Socket => socket;

    /// Bytes received and not yet consumed.
    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    public void Consume(int count) => _start += count;

    /// Receives more into the buffer (growing it up to `limit` bytes of unconsumed data; `what` names
    /// what would be too large in the 431). False at end of stream.
    public async ValueTask<bool> FillAsync(int limit, CancellationToken ct, string what = "the request head")
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
                throw new HttpProtocolException(431, "request_too_large", $"{what} is larger than {limit} bytes");
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
            DisposeWrites();
        }

        base.Dispose(disposing);
    }

    private int TakeBuffered(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        return n;
    }
}
