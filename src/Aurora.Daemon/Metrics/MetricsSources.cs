using Aurora.Core.Config;
using Aurora.Core.Incidents;
using Aurora.Core.Resources;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Metrics;

/// What GET /metrics reads, all of it held in memory by the daemon already (the store's size is one stat).
/// Services: the live snapshots; Ring: the newest resource samples (null while sampling is off); OpenIncidents:
/// the incident tracker's open ones (empty without a failure store); EventsSinceStart: events committed since
/// the daemon started.
internal sealed record MetricsSources(
    Func<IEnumerable<ServiceSnapshot>> Services,
    Func<AuroraConfig> Config,
    Func<ResourceRing?> Ring,
    CpuTotals Cpu,
    Func<IReadOnlyList<IncidentRecord>> OpenIncidents,
    EventCounters Counters,
    Func<long> EventsSinceStart,
    StreamClients StreamClients,
    string StorePath,
    DateTimeOffset StartedAt);
