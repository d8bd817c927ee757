using System.Collections.Immutable;

namespace Aurora.Layout;

/// What a project's unit needs. ConfigFiles: every `-f` of the project, in merge order. Executable: the argv that runs `aurora` (its absolute path, or `dotnet` and
/// the dll for a framework-dependent build). RunAs: the `User=` of a system unit (null: root, or a `--user`
/// unit). SearchPath: the `PATH` the services will see, as the shell that wrote the unit had it.
public sealed record SystemdUnitSpec(
    string ProjectDirectory,
    IReadOnlyList<string> ConfigFiles,
    ImmutableArray<string> Executable,
    bool UserUnit,
    string? RunAs,
    string? SearchPath,
    TimeSpan StopTimeout);
