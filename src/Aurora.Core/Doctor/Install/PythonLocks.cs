namespace Aurora.Core.Doctor.Install;

/// poetry.lock and uv.lock (`[[package]]` tables with name and version) and the project's direct dependencies:
/// the root package of uv.lock (`source = { virtual | editable = "." }`), or pyproject.toml's `[project]`
/// dependencies and `[tool.poetry.dependencies]`. Direct dependencies with an environment marker are left out.
internal static class PythonLocks
{
    public sealed record Contents(IReadOnlyList<(string Name, string Version)> Packages, IReadOnlyList<string> Direct);

    public static Contents? ReadPoetry(string directory)
    {
        if (ReadTables(Path.Combine(directory, "poetry.lock")) is not { } tables)
        {
            return null;
        }

        var packages = Packages(tables).Select(p => (p.Name, p.Version!)).Where(p => p.Item2 is not null).ToList();
        return new Contents(packages, PyProjectDirect(directory));
    }

    public static Contents? ReadUv(string directory)
    {
        if (ReadTables(Path.Combine(directory, "uv.lock")) is not { } tables)
        {
            return null;
        }

        var packages = Packages(tables).ToList();
        var root = packages.FirstOrDefault(p => p.Source is { } s && TomlLite.InlineTables(s).FirstOrDefault() is { } src
            && (TomlLite.String(src.GetValueOrDefault("virtual")) == "." || TomlLite.String(src.GetValueOrDefault("editable")) == "."));
        var direct = root.Dependencies is { } deps
            ? TomlLite.InlineTables(deps).Where(d => !d.ContainsKey("marker")).Select(d => TomlLite.String(d.GetValueOrDefault("name"))).OfType<string>().ToList()
            : PyProjectDirect(directory);
        return new Contents([.. packages.Where(p => p.Version is not null && p != root).Select(p => (p.Name, p.Version!))], direct);
    }

    private static IEnumerable<(string Name, string? Version, string? Source, string? Dependencies)> Packages(IReadOnlyList<TomlLite.Table> tables) =>
        tables.Where(t => t.Name == "package" && TomlLite.String(t.Values.GetValueOrDefault("name")) is not null)
            .Select(t => (TomlLite.String(t.Values["name"])!, TomlLite.String(t.Values.GetValueOrDefault("version")),
                t.Values.GetValueOrDefault("source"), t.Values.GetValueOrDefault("dependencies")));

    private static IReadOnlyList<string> PyProjectDirect(string directory)
    {
        if (ReadTables(Path.Combine(directory, "pyproject.toml")) is not { } tables)
        {
            return [];
        }

        var direct = new List<string>();
        if (tables.FirstOrDefault(t => t.Name == "project")?.Values.GetValueOrDefault("dependencies") is { } pep621)
        {
            direct.AddRange(TomlLite.Strings(pep621).Where(d => !d.Contains(';')).Select(LeadingName).Where(n => n.Length > 0));
        }

        if (tables.FirstOrDefault(t => t.Name == "tool.poetry.dependencies") is { } poetry)
        {
            direct.AddRange(poetry.Values.Where(kv => kv.Key != "python" && !kv.Value.Contains("markers", StringComparison.Ordinal)).Select(kv => kv.Key));
        }

        return direct;
    }

    private static string LeadingName(string requirement) =>
        new([.. requirement.Trim().TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]);

    private static IReadOnlyList<TomlLite.Table>? ReadTables(string file)
    {
        try
        {
            return TomlLite.Read(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
