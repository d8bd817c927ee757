using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

/// A throwaway project directory with an aurora.yaml; commands on "PATH" are a fixed list.
public sealed class TempProject : IDisposable
{
    public static readonly string[] KnownCommands = ["python3", "redis-server", "npm", "pip", "node", "curl", "sh"];

    public TempProject()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("aurora-config-").FullName;
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "aurora.yaml");

    public TempProject WithFile(string relative, string content = "")
    {
        var full = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TempProject WithDirectory(string relative)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, relative));
        return this;
    }

    public ConfigLoadResult Load(string yaml, params string[] profiles)
    {
        File.WriteAllText(ConfigPath, yaml);
        return ConfigLoader.Load(ConfigPath, KnownCommands.Contains, profiles);
    }

    /// Loads the given files of the project (relative paths), merged in order, with only these variables set.
    public ConfigLoadResult LoadFiles(IReadOnlyDictionary<string, string> environment, params string[] files) =>
        ConfigLoader.Load([.. files.Select(f => Path.Combine(Directory, f))], KnownCommands.Contains, environment);

    /// Loads and returns every diagnostic as the CLI prints it.
    public string[] Problems(string yaml, params string[] profiles) => [.. Load(yaml, profiles).Diagnostics.Select(d => d.ToString())];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
