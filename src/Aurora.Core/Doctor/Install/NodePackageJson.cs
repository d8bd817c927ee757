using System.Text.Json;

namespace Aurora.Core.Doctor.Install;

/// Reads the few fields of package.json files doctor needs: an installed package's version, a project's
/// direct dependencies.
internal static class NodePackageJson
{
    private static readonly string[] DependencySections = ["dependencies", "devDependencies", "optionalDependencies"];

    /// The version in DIR/package.json, or null when it is missing or unreadable.
    public static string? Version(string packageDirectory)
    {
        using var doc = Open(Path.Combine(packageDirectory, "package.json"));
        return doc?.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("version", out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    /// name → range of the project's own dependencies (all three sections).
    public static IReadOnlyList<KeyValuePair<string, string>> Dependencies(string projectDirectory)
    {
        using var doc = Open(Path.Combine(projectDirectory, "package.json"));
        if (doc?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var found = new List<KeyValuePair<string, string>>();
        foreach (var section in DependencySections)
        {
            if (doc.RootElement.TryGetProperty(section, out var deps) && deps.ValueKind == JsonValueKind.Object)
            {
                found.AddRange(deps.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)));
            }
        }

        return found;
    }

    public static JsonDocument? Open(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
