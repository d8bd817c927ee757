namespace Aurora.Porting.Import;

/// Which format a file is: by its name first (Procfile, compose.yaml, ecosystem.config.json, supervisord.conf,
/// process-compose.yaml and their usual variants), then by what it holds.
public static class FormatDetector
{
    /// Looked for, in this order, when `aurora import` is given no file.
    public static readonly string[] KnownNames =
    [
        "Procfile", "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml", "ecosystem.config.json",
        "ecosystem.config.js", "ecosystem.config.cjs", "supervisord.conf", "process-compose.yaml", "process-compose.yml",
    ];

    public static ImportFormat? ByName(string file)
    {
        var name = Path.GetFileName(file).ToLowerInvariant();
        return name switch
        {
            "procfile" or "procfile.dev" or "procfile.local" => ImportFormat.Procfile,
            _ when name.StartsWith("process-compose", StringComparison.Ordinal) && IsYaml(name) => ImportFormat.ProcessCompose,
            _ when (name.StartsWith("compose", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal)) && IsYaml(name) => ImportFormat.Compose,
            _ when name.StartsWith("ecosystem", StringComparison.Ordinal) || name.EndsWith(".config.js", StringComparison.Ordinal) ||
                name.EndsWith(".config.cjs", StringComparison.Ordinal) => ImportFormat.Pm2,
            "supervisord.conf" or "supervisor.conf" => ImportFormat.Supervisord,
            _ => null,
        };
    }

    public static ImportFormat? ByContent(string file, string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return trimmed.Contains("\"script\"", StringComparison.Ordinal) ? ImportFormat.Pm2 : null;
        }

        if (text.Contains("[program:", StringComparison.Ordinal) || text.Contains("[supervisord]", StringComparison.Ordinal))
        {
            return ImportFormat.Supervisord;
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Any(l => l.StartsWith("processes:", StringComparison.Ordinal)))
        {
            return ImportFormat.ProcessCompose;
        }

        if (lines.Any(l => l.StartsWith("services:", StringComparison.Ordinal)))
        {
            return ImportFormat.Compose;
        }

        if (file.EndsWith(".js", StringComparison.Ordinal) || file.EndsWith(".cjs", StringComparison.Ordinal))
        {
            return ImportFormat.Pm2;
        }

        var entries = lines.Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        return entries.Count > 0 && entries.All(l => Procfile.ProcfileImporter.IsEntry(l)) ? ImportFormat.Procfile : null;
    }

    /// The first known file in a directory, or null.
    public static string? FindIn(string directory, bool allowJs) =>
        KnownNames.Where(n => allowJs || !(n.EndsWith(".js", StringComparison.Ordinal) || n.EndsWith(".cjs", StringComparison.Ordinal)))
            .Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    private static bool IsYaml(string name) => name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal);
}
