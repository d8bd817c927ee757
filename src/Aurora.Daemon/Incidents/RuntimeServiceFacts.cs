using Aurora.Core;
using Aurora.Core.Config;
using Aurora.Core.Incidents;
using Aurora.Core.Logs;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Incidents;

/// The incident tracker's view of the running daemon: recent output from the service logs, secret values
/// from the config in force (it changes with a reload), the last cause from the state store.
internal sealed class RuntimeServiceFacts(Func<AuroraConfig> config, Func<string, ServiceLog?> logs, ServiceStateStore states,
    System.Collections.Immutable.ImmutableDictionary<string, string> baseEnvironment) : IServiceFacts
{
    public const int RecentLineCount = 20;

    public IReadOnlyList<string> RecentLines(string service) => logs(service)?.RecentLines(RecentLineCount) ?? [];

    /// The service's own secret values and those it inherits from the daemon's environment.
    public IEnumerable<string> SecretValues(string service) =>
        config().Find(service) is { } s ? Secrets.ValuesOf(baseEnvironment.SetItems(s.Environment)) : Secrets.ValuesOf(baseEnvironment);

    public string? LastCause(string service) => states.Get(service)?.LastCause;

    /// Without a health check, a service counts as recovered once it has run for restart.backoff.reset_after
    /// (60s by default): the span after which the supervisor itself forgives earlier crashes.
    public TimeSpan? StableAfter(string service) =>
        config().Find(service) is { Health: null } s ? s.Restart.Backoff.ResetAfter : null;
}
