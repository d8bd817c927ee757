using Aurora.Core.Config.Reading;

namespace Aurora.Core.Config;

/// Loads aurora.yaml: parse (YAML representation model, AOT-safe), validate, map to immutable records.
/// Never throws for bad input; every problem comes back at once in the result.
public static class ConfigLoader
{
    public const string DefaultFileName = "aurora.yaml";

    /// commandExists decides whether a bare program name is on PATH; the default searches PATH.
    public static ConfigLoadResult Load(string filePath, Func<string, bool>? commandExists = null)
    {
        var full = Path.GetFullPath(filePath);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message;
            return new ConfigLoadResult(null, [new ConfigDiagnostic(full, 0, 0, "", $"cannot read {full}: {reason}", false)]);
        }

        return Parse(text, full, Path.GetDirectoryName(full)!, commandExists);
    }

    public static ConfigLoadResult Parse(string yamlText, string filePath, string projectDirectory, Func<string, bool>? commandExists = null)
    {
        var bag = new DiagnosticBag(filePath);
        var ctx = new ReadContext(bag, Path.GetFullPath(projectDirectory), commandExists ?? CommandCheck.ExistsOnPath);
        var config = YamlText.Load(yamlText, bag) is { } root ? RootReader.Read(root, filePath, ctx) : null;
        return new ConfigLoadResult(bag.HasErrors ? null : config, bag.ToImmutable());
    }
}
