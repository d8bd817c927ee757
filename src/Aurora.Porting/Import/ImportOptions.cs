namespace Aurora.Porting.Import;

/// OutputDirectory: where the aurora.yaml goes (its cwd and env_file paths are written relative to it).
/// ProcessorCount: what PM2's `instances: max` means on this machine. EvaluateJs: how an ecosystem.config.js is
/// turned into JSON (null: .js files are refused; it is code, run only when the user says so with --allow-js).
public sealed record ImportOptions(string OutputDirectory)
{
    public int ProcessorCount { get; init; } = Environment.ProcessorCount;

    public Func<string, string>? EvaluateJs { get; init; }
}
