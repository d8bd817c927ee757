using System.Text.Json;

namespace Aurora.Core.Doctor.Install;

/// package-lock.json (or npm-shrinkwrap.json). v2/v3 list every installed path under `packages`
/// ("node_modules/a/node_modules/b"); v1 nests `dependencies`. Links (workspaces) are not installs.
internal static class NpmLock
{
    public sealed record Entry(string Path, string Name, string Version, bool Optional);

    /// Null when the file does not parse as a lockfile.
    public static IReadOnlyList<Entry>? Read(string file)
    {
        using var doc = NodePackageJson.Open(file);
        if (doc?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var entries = new List<Entry>();
        if (root.TryGetProperty("packages", out var packages) && packages.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in packages.EnumerateObject())
            {
                var at = p.Name.LastIndexOf("node_modules/", StringComparison.Ordinal);
                if (at < 0 || p.Value.ValueKind != JsonValueKind.Object || Flag(p.Value, "link") || Text(p.Value, "version") is not { } version)
                {
                    continue;
                }

                entries.Add(new Entry(p.Name, p.Name[(at + "node_modules/".Length)..], version, Flag(p.Value, "optional")));
            }

            return entries;
        }

        if (root.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
        {
            AddV1(dependencies, "", entries);
            return entries;
        }

        return null;
    }

    private static void AddV1(JsonElement dependencies, string parent, List<Entry> into)
    {
        foreach (var d in dependencies.EnumerateObject().Where(d => d.Value.ValueKind == JsonValueKind.Object))
        {
            var path = $"{parent}node_modules/{d.Name}";
            if (Text(d.Value, "version") is { } version && !version.StartsWith("file:", StringComparison.Ordinal))
            {
                into.Add(new Entry(path, d.Name, version, Flag(d.Value, "optional")));
            }

            if (d.Value.TryGetProperty("dependencies", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                AddV1(nested, path + "/", into);
            }
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
