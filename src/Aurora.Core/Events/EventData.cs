using System.Buffers;
using System.Text.Json;

namespace Aurora.Core.Events;

/// Builds the immutable `data` object of an event without reflection (AOT-safe).
public sealed class EventData
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public EventData()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
    }

    public static JsonElement Empty { get; } = JsonDocument.Parse("{}").RootElement.Clone();

    public EventData Add(string name, string? value)
    {
        if (value is null)
        {
            _writer.WriteNull(name);
        }
        else
        {
            _writer.WriteString(name, value);
        }

        return this;
    }

    public EventData Add(string name, long? value)
    {
        if (value is { } v)
        {
            _writer.WriteNumber(name, v);
        }
        else
        {
            _writer.WriteNull(name);
        }

        return this;
    }

    public EventData Add(string name, long value) => Add(name, (long?)value);

    public EventData Add(string name, int value) => Add(name, (long?)value);

    public EventData Add(string name, int? value) => Add(name, (long?)value);

    public EventData Add(string name, double value)
    {
        _writer.WriteNumber(name, value);
        return this;
    }

    public EventData Add(string name, bool value)
    {
        _writer.WriteBoolean(name, value);
        return this;
    }

    public EventData Add(string name, IEnumerable<string> values)
    {
        _writer.WriteStartArray(name);
        foreach (var v in values)
        {
            _writer.WriteStringValue(v);
        }

        _writer.WriteEndArray();
        return this;
    }

    /// Writes a pre-serialised JSON value (an object or array built elsewhere).
    public EventData AddRaw(string name, JsonElement value)
    {
        _writer.WritePropertyName(name);
        value.WriteTo(_writer);
        return this;
    }

    public JsonElement Build()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        using var doc = JsonDocument.Parse(_buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }
}
