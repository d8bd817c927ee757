namespace Aurora.Core.Diagnosis;

/// SPEC §6 cause names, as they appear in events, status and history.
public static class Causes
{
    public const string PortConflict = "port_conflict";
    public const string MissingDependency = "missing_dependency";
    public const string PermissionDenied = "permission_denied";
    public const string OutOfMemory = "out_of_memory";
    public const string Hang = "hang";
    public const string DependencyUnavailable = "dependency_unavailable";
    public const string DiskFull = "disk_full";
    public const string CrashLoop = "crash_loop";
    public const string ConfigError = "config_error";
    public const string Unknown = "unknown";
}
