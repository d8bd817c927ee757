using System.Text;
using System.Text.Json;
using Aurora.Core.Events;
using Aurora.Core.Incidents;

namespace Aurora.Store;

/// The text the search index holds for an event or an incident. The tokenizer (porter unicode61) splits
/// at '.', '_' and other punctuation, so "service.exited" and "port_conflict" are found by their words.
/// A cause is indexed with its plain words and evidence phrases (CauseWords).
internal static class SearchDocuments
{
    public static string EventBody(AuroraEvent e, string? cause)
    {
        var sb = new StringBuilder(128);
        sb.Append(e.Type);
        if (cause is not null)
        {
            sb.Append(' ').Append(CauseWords.SearchText(cause));
        }

        Flatten(e.Data, sb, depth: 0);
        return sb.ToString();
    }

    public static string IncidentBody(string cause, IEnumerable<string> evidence, IEnumerable<FixAttempt> fixes)
    {
        var sb = new StringBuilder(256);
        sb.Append("incident ").Append(CauseWords.SearchText(cause));
        foreach (var line in evidence)
        {
            sb.Append('\n').Append(line);
        }

        foreach (var f in fixes)
        {
            sb.Append("\nfix ").Append(f.Fix).Append(' ').Append(f.Outcome);
        }

        return sb.ToString();
    }

    /// The cause an event's data names, if any (service.failed, incident.*).
    public static string? CauseOf(AuroraEvent e) => IncidentRules.CauseOf(e);

    // Keys, strings and small numbers, nested objects and arrays included (evidence lines of incident events).
    private static void Flatten(JsonElement value, StringBuilder sb, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when depth < 4:
                foreach (var p in value.EnumerateObject())
                {
                    sb.Append(' ').Append(p.Name);
                    Flatten(p.Value, sb, depth + 1);
                }

                break;
            case JsonValueKind.Array when depth < 4:
                foreach (var item in value.EnumerateArray())
                {
                    Flatten(item, sb, depth + 1);
                }

                break;
            case JsonValueKind.String:
                sb.Append(' ').Append(value.GetString());
                break;
            // Small numbers (exit codes, attempts) are worth finding; pids, uptimes and sizes are unique tokens
            // that would only swell the index.
            case JsonValueKind.Number when value.TryGetInt32(out var n) && n is > -1000 and < 1000:
                sb.Append(' ').Append(n);
                break;
        }
    }
}
