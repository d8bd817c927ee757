using System.Buffers;
using Aurora.Core.Events;

namespace Aurora.Daemon.Api;

/// Collects the stream's next message: one event's JSON per line, at most MaxBytes (a larger single event is a
/// message of its own). One buffer per connection, reused; a message handed out is valid until the next Add or
/// Take.
internal sealed class EventMessage
{
    public const int MaxBytes = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly ArrayBufferWriter<byte> _sent = new(16 * 1024);

    public bool Full => _buffer.WrittenCount >= MaxBytes;

    /// Adds the batch; returns the messages that filled up on the way (each to be sent before the next).
    public IEnumerable<ReadOnlyMemory<byte>> Add(IReadOnlyList<AuroraEvent> batch)
    {
        foreach (var e in batch)
        {
            var json = EventJson.Utf8(e);
            if (_buffer.WrittenCount > 0 && _buffer.WrittenCount + 1 + json.Length > MaxBytes)
            {
                yield return Take()!.Value;
            }

            if (_buffer.WrittenCount > 0)
            {
                _buffer.Write("\n"u8);
            }

            _buffer.Write(json);
        }
    }

    /// The message collected so far (and a fresh one begins), or null when there is none.
    public ReadOnlyMemory<byte>? Take()
    {
        if (_buffer.WrittenCount == 0)
        {
            return null;
        }

        _sent.ResetWrittenCount();
        _sent.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        return _sent.WrittenMemory;
    }
}
