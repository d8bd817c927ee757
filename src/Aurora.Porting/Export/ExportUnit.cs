using Aurora.Core.Config;

namespace Aurora.Porting.Export;

/// What one exported workload runs: a declared service, or one instance of a replicated service whose command,
/// env, ports or health use `{replica}` (instances that differ cannot share one definition). Replicas: how many
/// identical copies (1, or `replicas:` when they are identical). DependsOn: the names of the units each
/// dependency became, with its condition.
public sealed record ExportUnit(string Name, ServiceConfig Service, int Replicas, IReadOnlyList<(string Unit, Dependency Dependency)> DependsOn)
{
    public string Declared => Service.DeclaredName;

    /// Identical replicas that share one definition: AURORA_REPLICA cannot be given to each.
    public bool SharedReplicas => Replicas > 1;
}
