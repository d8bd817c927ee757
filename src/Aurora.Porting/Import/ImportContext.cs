namespace Aurora.Porting.Import;

/// What a converter shares while it reads one file: where the source is, where the output goes, the names given so
/// far and what was not carried over.
public sealed class ImportContext(string sourceFile, ImportOptions options)
{
    public const string WholeService = "service";

    private readonly List<NotCarried> notCarried = [];

    public string SourceFile { get; } = Path.GetFullPath(sourceFile);

    public string SourceDirectory => Path.GetDirectoryName(SourceFile)!;

    public ImportOptions Options { get; } = options;

    public ServiceNames Names { get; } = new();

    public IReadOnlyList<NotCarried> NotCarried => notCarried;

    public void Skip(string? service, string item, string reason) => notCarried.Add(new NotCarried(service, item, reason));

    public void NotConvertible(string service, string reason) => Skip(service, WholeService, reason);

    /// A directory of the source (relative to the source file, or absolute) as aurora.yaml's cwd: relative to the
    /// output directory; null when it does not exist on this machine (Aurora refuses a cwd that does not exist).
    public string? Directory(string path) => Existing(path, System.IO.Directory.Exists);

    /// The same for a file (env_file).
    public string? File(string path) => Existing(path, System.IO.File.Exists);

    private string? Existing(string path, Func<string, bool> exists)
    {
        var full = Path.GetFullPath(Path.Combine(SourceDirectory, path));
        if (!exists(full))
        {
            return null;
        }

        // An absolute path stays absolute: `../../srv` would say the same less clearly.
        if (Path.IsPathRooted(path))
        {
            return full;
        }

        var relative = Path.GetRelativePath(Path.GetFullPath(Options.OutputDirectory), full);
        return relative == "." ? "." : relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? relative : "./" + relative;
    }
}
