using Aurora.Core.Config;
using Aurora.Porting.Export;

namespace Aurora.Porting.Tests.Export;

/// A project directory of its own for one test: an aurora.yaml (and any other files), loaded with Aurora's
/// ConfigLoader, exported, the files written to an `out` directory beside it.
internal sealed class ExportProject : IDisposable
{
    private readonly DirectoryInfo _dir = System.IO.Directory.CreateTempSubdirectory("aur-export-");

    public ExportProject(string yaml, params (string Path, string Text)[] files)
    {
        // A directory name that makes a readable project name in unit and object names.
        Directory = Path.Combine(_dir.FullName, "shop");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(Directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        File.WriteAllText(Path.Combine(Directory, "aurora.yaml"), yaml);
        Output = Path.Combine(_dir.FullName, "out");
    }

    public string Directory { get; }

    public string Output { get; }

    public static AuroraConfig LoadDemo()
    {
        var result = ConfigLoader.Load(Path.Combine(RepoPaths.Root, "examples", "demo", "aurora.yaml"), _ => true);
        Assert.True(result.Ok, string.Join('\n', result.Diagnostics));
        return result.Config!;
    }

    public AuroraConfig Load(params string[] profiles)
    {
        var result = ConfigLoader.Load(Path.Combine(Directory, "aurora.yaml"), _ => true, profiles);
        Assert.True(result.Ok, string.Join('\n', result.Diagnostics));
        return result.Config!;
    }

    /// Writes the files of an export into `out` (a fresh one each time) and returns their paths.
    public IReadOnlyList<string> Write(ExportResult result) => WriteTo(Output, result);

    public static IReadOnlyList<string> WriteTo(string directory, ExportResult result)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        return [.. result.Files.Select(f =>
        {
            var path = Path.Combine(directory, f.Name);
            File.WriteAllText(path, f.Text);
            return path;
        })];
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
