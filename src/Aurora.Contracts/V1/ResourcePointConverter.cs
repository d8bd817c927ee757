using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aurora.Contracts.V1;

/// <summary>Writes a ResourcePointDto as `[unix_ms, cpu_percent, memory_bytes]` (compact: 300 of them per
/// service in five minutes) and reads it back.</summary>
public sealed class ResourcePointConverter : JsonConverter<ResourcePointDto>
{
    public override ResourcePointDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("a resource sample is an array [unix_ms, cpu_percent, memory_bytes]");
        }

        reader.Read();
        var ms = reader.GetInt64();
        reader.Read();
        var cpu = reader.GetDouble();
        reader.Read();
        var bytes = reader.GetInt64();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("a resource sample has exactly three numbers");
        }

        return new ResourcePointDto(ms, cpu, bytes);
    }

    public override void Write(Utf8JsonWriter writer, ResourcePointDto value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.UnixMs);
        writer.WriteNumberValue(value.CpuPercent);
        writer.WriteNumberValue(value.MemoryBytes);
        writer.WriteEndArray();
    }
}
