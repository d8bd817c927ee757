using System.Text;
using Aurora.Core.Config.Reading;
using Aurora.Core.Config.Rendering;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config;

/// Loads the config: read and parse each file (YAML representation model, AOT-safe), merge them in order and
/// interpolate the variables (DocumentMerger), validate, map to immutable records. Never throws for bad input;
/// every problem comes back at once in the result, named with the file it is in.
public static class ConfigLoader
{
    public const string DefaultFileName = "aurora.yaml";

    /// Far above any real config (the SPEC example is 4 KiB), and a bound on what a reload reads and parses.
    public const int MaxFileBytes = 1 << 20;

    /// commandExists decides whether a bare program name is on PATH; the default searches PATH. profiles: the
    /// active profiles (`up --profile`), which decide what starts with the stack.
    public static ConfigLoadResult Load(string filePath, Func<string, bool>? commandExists = null, IEnumerable<string>? profiles = null) =>
        Load([filePath], commandExists, profiles: profiles);

    /// Several files merge in order (`-f base.yaml -f dev.yaml`); the project directory is the first file's, and
    /// so is the `.env` that `${VAR}` may take values from. environment: where variables come from first (default:
    /// this process's).
    public static ConfigLoadResult Load(IReadOnlyList<string> files, Func<string, bool>? commandExists = null,
        IReadOnlyDictionary<string, string>? environment = null, IEnumerable<string>? profiles = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(files.Count);
        var full = files.Select(Path.GetFullPath).ToList();
        var bag = new DiagnosticBag(full);
        var roots = full.Select((file, i) => Read(file, bag) is { } text ? YamlText.Load(text, bag, i) : null).ToList();
        return roots.Any(r => r is null)
            ? new ConfigLoadResult(null, bag.ToImmutable())
            : Build(roots!, Path.GetDirectoryName(full[0])!, commandExists, environment, profiles, bag);
    }

    public static ConfigLoadResult Parse(string yamlText, string filePath, string projectDirectory, Func<string, bool>? commandExists = null,
        IEnumerable<string>? profiles = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (Encoding.UTF8.GetByteCount(yamlText) is var size && size > MaxFileBytes)
        {
            return new ConfigLoadResult(null, [TooLarge(filePath, size)]);
        }

        var bag = new DiagnosticBag(filePath);
        return YamlText.Load(yamlText, bag) is { } root
            ? Build([root], projectDirectory, commandExists, environment, profiles, bag)
            : new ConfigLoadResult(null, bag.ToImmutable());
    }

    /// How a list of config files is named in a message: `aurora.yaml`, or `base.yaml + dev.yaml`.
    public static string Describe(IReadOnlyList<string> files) => string.Join(" + ", files.Select(Path.GetFileName));

    private static ConfigLoadResult Build(IReadOnlyList<YamlNode> roots, string projectDirectory, Func<string, bool>? commandExists,
        IReadOnlyDictionary<string, string>? environment, IEnumerable<string>? profiles, DiagnosticBag bag)
    {
        var variables = new ConfigVariables(bag.File, environment, bag);
        if (DocumentMerger.Merge(roots, variables, bag) is not { } merged)
        {
            return new ConfigLoadResult(null, bag.ToImmutable());
        }

        var ctx = new ReadContext(bag, Path.GetFullPath(projectDirectory), commandExists ?? CommandCheck.ExistsOnPath)
        {
            ActiveProfiles = [.. (profiles ?? []).Distinct()],
        };
        var config = RootReader.Read(merged, bag.File, ctx) is { } read ? read with { Files = [.. bag.Files] } : null;
        return new ConfigLoadResult(bag.HasErrors ? null : config, bag.ToImmutable())
        {
            Document = new ConfigDocument(merged, SecretMask.ValuesOf(merged, variables.All())),
        };
    }

    /// The file's text, or null after reporting why it cannot be had.
    private static string? Read(string file, DiagnosticBag bag)
    {
        try
        {
            // Never more than one chunk past the limit, whatever the file's size says (it may be growing, or a pipe).
            using var stream = File.OpenRead(file);
            var size = stream.CanSeek ? stream.Length : 0;
            var read = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int n;
            while (size <= MaxFileBytes && (n = stream.Read(chunk)) > 0)
            {
                read.Write(chunk, 0, n);
                size = Math.Max(size, read.Length);
            }

            if (size > MaxFileBytes)
            {
                var d = TooLarge(file, size);
                bag.ErrorIn(d.File, d.Line, d.Column, d.KeyPath, d.Message);
                return null;
            }

            read.Position = 0;
            return new StreamReader(read, detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message;
            bag.ErrorIn(file, 0, 0, "", $"cannot read {file}: {reason}");
            return null;
        }
    }

    private static ConfigDiagnostic TooLarge(string file, long size) => new(file, 1, 1, "",
        $"the file is {size} bytes; a config may be at most {MaxFileBytes} (1 MiB), split it with -f or remove what is not needed", false);
}
