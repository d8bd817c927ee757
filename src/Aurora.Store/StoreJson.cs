using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Aurora.Core.Incidents;

namespace Aurora.Store;

/// The JSON columns of the incidents table (evidence, fixes), written and read without reflection.
internal static class StoreJson
{
    public static string Lines(IEnumerable<string> lines) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var l in lines)
        {
            w.WriteStringValue(l);
        }

        w.WriteEndArray();
    });

    public static ImmutableArray<string> ReadLines(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? "")];
    }

    public static string Fixes(IEnumerable<FixAttempt> fixes) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var f in fixes)
        {
            w.WriteStartObject();
            w.WriteString("fix", f.Fix);
            w.WriteString("outcome", f.Outcome);
            w.WriteString("time", f.Time);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static ImmutableArray<FixAttempt> ReadFixes(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => new FixAttempt(
            e.GetProperty("fix").GetString() ?? "", e.GetProperty("outcome").GetString() ?? "", e.GetProperty("time").GetDateTimeOffset()))];
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            body(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
