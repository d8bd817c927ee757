using Aurora.Core.Config;

namespace Aurora.Porting.Export.Systemd;

/// What rendering one unit needs to know of the others: the names, which services are one-shots (a dependent waits
/// for their completion, or they run on a schedule), the options and where omissions go.
internal sealed record SystemdContext(AuroraConfig Config, SystemdNames Names, ExportOptions Options, OmissionList Omissions)
{
    public bool IsOneShot(ServiceConfig s) => s.Schedule is not null
        || (s.Restart.Policy == RestartPolicyKind.Never && Config.Declared.Any(d => d.DependsOn.Any(dep =>
            dep.Service == s.Name && dep.Condition is DependencyCondition.Completed or DependencyCondition.Exited)));

    public bool IsWanted(ServiceConfig s) => s.Profiles.IsEmpty || s.Profiles.Any(Options.Profiles.Contains);

    /// Where a service's secret-named variables are to be put: `%E` is /etc for the system manager and
    /// ~/.config for a user's, so one unit serves both.
    public string SecretsFile(ServiceConfig s) => $"%E/aurora/{Names.Project}/{s.Name}.env";
}
