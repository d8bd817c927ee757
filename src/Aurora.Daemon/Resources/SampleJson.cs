using System.Buffers;
using System.Text.Json;
using Aurora.Core.Resources;

namespace Aurora.Daemon.Resources;

/// Writes a tick as the stream's `resource.sample` line (the shape of Contracts' ResourceSampleDto), into a
/// buffer reused from tick to tick: the only allocation is the finished message, shared by every stream.
internal sealed class SampleJson
{
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText TypeValue = JsonEncodedText.Encode("resource.sample");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText IntervalMs = JsonEncodedText.Encode("interval_ms");
    private static readonly JsonEncodedText Services = JsonEncodedText.Encode("services");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Pid = JsonEncodedText.Encode("pid");
    private static readonly JsonEncodedText CpuPercent = JsonEncodedText.Encode("cpu_percent");
    private static readonly JsonEncodedText MemoryBytes = JsonEncodedText.Encode("memory_bytes");

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;

    public SampleJson()
    {
        _writer = new Utf8JsonWriter(_buffer);
    }

    public byte[] Write(ResourceTick tick)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString(Type, TypeValue);
        _writer.WriteString(Time, tick.Time);
        _writer.WriteNumber(IntervalMs, (long)tick.Interval.TotalMilliseconds);
        _writer.WriteStartArray(Services);
        for (var i = 0; i < tick.Services.Count; i++)
        {
            var s = tick.Services[i];
            _writer.WriteStartObject();
            _writer.WriteString(Name, s.Name);
            _writer.WriteNumber(Pid, s.Pid);
            _writer.WriteNumber(CpuPercent, s.CpuPercent);
            _writer.WriteNumber(MemoryBytes, s.MemoryBytes);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
