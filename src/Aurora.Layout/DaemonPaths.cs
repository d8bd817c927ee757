namespace Aurora.Layout;

/// Where a project's daemon keeps its state (SPEC §2).
public sealed record DaemonPaths(string ProjectDirectory)
{
    public string StateDirectory => Path.Combine(ProjectDirectory, ".aurora");

    public string Socket => Path.Combine(StateDirectory, "aurora.sock");

    public string Token => Path.Combine(StateDirectory, "token");

    public string Logs => Path.Combine(StateDirectory, "logs");

    public string DaemonLog => Path.Combine(StateDirectory, "daemon.log");

    public string PidFile => Path.Combine(StateDirectory, "daemon.pid");

    public string LockFile => Path.Combine(StateDirectory, "daemon.lock");

    public string StateDb => Path.Combine(StateDirectory, "state.db");

    public string Backups => Path.Combine(StateDirectory, "backups");

    public string FixRecords => Path.Combine(StateDirectory, "fix-records.json");

    /// A short, stable id of the project directory, part of every process tag (AURORA_TAG=id/service),
    /// so stale instances can be told apart from another project's processes.
    public string ProjectId => Aurora.Core.StableHash.Hex(Path.GetFullPath(ProjectDirectory), 12);

    public static DaemonPaths ForConfig(string configPath) =>
        new(Path.GetDirectoryName(Path.GetFullPath(configPath))!);
}
