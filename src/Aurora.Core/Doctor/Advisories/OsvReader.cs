using System.Collections.Immutable;
using System.Text.Json;

namespace Aurora.Core.Doctor.Advisories;

/// Reads a directory of OSV records (`*.json`, one record or an array of records per file, subdirectories
/// included), offline. A file that is not an OSV record is reported by name and skipped.
public static class OsvReader
{
    public sealed record Result(ImmutableArray<OsvAdvisory> Advisories, ImmutableArray<string> Problems);

    public static Result ReadDirectory(string directory)
    {
        var advisories = ImmutableArray.CreateBuilder<OsvAdvisory>();
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                var records = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray().ToList() : [doc.RootElement];
                foreach (var record in records)
                {
                    if (Parse(record) is { } advisory)
                    {
                        advisories.Add(advisory);
                    }
                    else
                    {
                        problems.Add($"{Path.GetRelativePath(directory, file)}: not an OSV record (needs id and affected)");
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                problems.Add($"{Path.GetRelativePath(directory, file)}: {(e is JsonException ? "not valid JSON" : e.Message)}");
            }
        }

        return new Result(advisories.ToImmutable(), problems.ToImmutable());
    }

    public static OsvAdvisory? Parse(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object || Text(record, "id") is not { } id
            || !record.TryGetProperty("affected", out var affected) || affected.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var vector = Array(record, "severity").Select(s => Text(s, "score")).FirstOrDefault(s => s?.StartsWith("CVSS:3", StringComparison.Ordinal) == true);
        var score = vector is null ? null : CvssV3.BaseScore(vector);
        var rating = Severity(record) ?? affected.EnumerateArray().Select(Severity).FirstOrDefault(s => s is not null)
            ?? (score is { } sc ? CvssV3.Rating(sc) : "unknown");
        return new OsvAdvisory(id, [.. Array(record, "aliases").Select(a => a.GetString()).OfType<string>()],
            Text(record, "summary") ?? Text(record, "details")?.Split('\n')[0] ?? "", rating, score,
            [.. affected.EnumerateArray().Select(Affected).OfType<OsvAffected>()]);
    }

    private static OsvAffected? Affected(JsonElement a)
    {
        if (!a.TryGetProperty("package", out var package) || Text(package, "ecosystem") is not { } ecosystem || Text(package, "name") is not { } name)
        {
            return null;
        }

        var ranges = Array(a, "ranges").Where(r => Text(r, "type") is "SEMVER" or "ECOSYSTEM")
            .Select(r => new OsvRange(Text(r, "type")!, [.. Array(r, "events").SelectMany(Events)]));
        return new OsvAffected(ecosystem, name, [.. ranges], [.. Array(a, "versions").Select(v => v.GetString()).OfType<string>()]);
    }

    private static IEnumerable<OsvEvent> Events(JsonElement e) =>
        e.ValueKind != JsonValueKind.Object ? [] : e.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => new OsvEvent(p.Name, p.Value.GetString()!));

    /// `database_specific.severity` (GitHub: LOW, MODERATE, HIGH, CRITICAL) or `ecosystem_specific.severity`.
    private static string? Severity(JsonElement e)
    {
        foreach (var holder in new[] { "database_specific", "ecosystem_specific" })
        {
            if (e.TryGetProperty(holder, out var h) && Text(h, "severity") is { Length: > 0 } s)
            {
                return s.ToLowerInvariant() == "medium" ? "moderate" : s.ToLowerInvariant();
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
