namespace Aurora.Porting.Import;

/// One service of the aurora.yaml being written, filled in by a converter. Every text is as aurora.yaml must hold it:
/// a converter doubles the `$` that Aurora must not interpolate (AuroraValues.Literal) and keeps the `${VAR}` it must.
public sealed class ImportedService(string name, string sourceName)
{
    public string Name { get; } = name;

    /// The name in the source file, when it had to change to be a valid Aurora name.
    public string SourceName { get; } = sourceName;

    /// argv; with Shell, a single string run by /bin/sh -c.
    public List<string> Command { get; } = [];

    public bool Shell { get; set; }

    public string? Cwd { get; set; }

    public List<KeyValuePair<string, string>> Env { get; } = [];

    public string? EnvFile { get; set; }

    public List<int> Ports { get; } = [];

    /// Service name (Aurora's) → started | healthy | ready | completed | exited.
    public List<KeyValuePair<string, string>> DependsOn { get; } = [];

    public ImportedHealth? Health { get; set; }

    public string? ReadyLog { get; set; }

    public ImportedRestart Restart { get; set; } = new();

    public string? StopSignal { get; set; }

    public TimeSpan? StopTimeout { get; set; }

    public int? Replicas { get; set; }

    public List<string> Profiles { get; } = [];

    public List<int> SuccessExitCodes { get; } = [];

    public long? MemoryLimit { get; set; }

    public double? CpuPercent { get; set; }

    public List<string> WatchPaths { get; } = [];

    public List<string> WatchIgnore { get; } = [];

    /// Lines written as comments above the service (order hints, what a value means here).
    public List<string> Comments { get; } = [];

    public void SetEnv(string key, string value)
    {
        Env.RemoveAll(e => e.Key == key);
        Env.Add(KeyValuePair.Create(key, value));
    }
}
