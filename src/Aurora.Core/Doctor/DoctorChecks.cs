namespace Aurora.Core.Doctor;

/// The check ids, as they appear in findings and `aurora doctor --json`.
public static class DoctorChecks
{
    public const string Command = "command";
    public const string Cwd = "cwd";
    public const string EnvFile = "env_file";
    public const string Variables = "variables";
    public const string Ports = "ports";
    public const string Install = "install";
    public const string Vulnerabilities = "vulnerabilities";
}
