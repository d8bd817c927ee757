using System.Text;
using Aurora.Core.Config.Reading;

namespace Aurora.Core.Config;

/// Loads aurora.yaml: parse (YAML representation model, AOT-safe), validate, map to immutable records.
/// Never throws for bad input; every problem comes back at once in the result.
public static class ConfigLoader
{
    public const string DefaultFileName = "aurora.yaml";

    /// Far above any real config (the SPEC example is 4 KiB), and a bound on what a reload reads and parses.
    public const int MaxFileBytes = 1 << 20;

    /// commandExists decides whether a bare program name is on PATH; the default searches PATH. profiles: the
    /// active profiles (`up --profile`), which decide what starts with the stack.
    public static ConfigLoadResult Load(string filePath, Func<string, bool>? commandExists = null, IEnumerable<string>? profiles = null)
    {
        var full = Path.GetFullPath(filePath);
        string text;
        try
        {
            // Never more than one chunk past the limit, whatever the file's size says (it may be growing, or a pipe).
            using var file = File.OpenRead(full);
            var size = file.CanSeek ? file.Length : 0;
            var read = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while (size <= MaxFileBytes && (n = file.Read(chunk)) > 0)
            {
                read.Write(chunk, 0, n);
                size = Math.Max(size, read.Length);
            }

            if (size > MaxFileBytes)
            {
                return TooLarge(full, size);
            }

            read.Position = 0;
            text = new StreamReader(read, detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message;
            return new ConfigLoadResult(null, [new ConfigDiagnostic(full, 0, 0, "", $"cannot read {full}: {reason}", false)]);
        }

        return Parse(text, full, Path.GetDirectoryName(full)!, commandExists, profiles);
    }

    public static ConfigLoadResult Parse(string yamlText, string filePath, string projectDirectory, Func<string, bool>? commandExists = null,
        IEnumerable<string>? profiles = null)
    {
        if (Encoding.UTF8.GetByteCount(yamlText) is var size && size > MaxFileBytes)
        {
            return TooLarge(filePath, size);
        }

        var bag = new DiagnosticBag(filePath);
        var ctx = new ReadContext(bag, Path.GetFullPath(projectDirectory), commandExists ?? CommandCheck.ExistsOnPath)
        {
            ActiveProfiles = [.. (profiles ?? []).Distinct()],
        };
        var config = YamlText.Load(yamlText, bag) is { } root ? RootReader.Read(root, filePath, ctx) : null;
        return new ConfigLoadResult(bag.HasErrors ? null : config, bag.ToImmutable());
    }

    private static ConfigLoadResult TooLarge(string file, long size) =>
        new(null, [new ConfigDiagnostic(file, 1, 1, "",
            $"the file is {size} bytes; a config may be at most {MaxFileBytes} (1 MiB), split it with -f or remove what is not needed", false)]);
}
