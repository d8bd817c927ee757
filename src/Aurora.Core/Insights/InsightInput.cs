using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.Core.Resources;

namespace Aurora.Core.Insights;

/// What the analysers read: the config in force, the stored events (oldest first), the incidents of the
/// failure memory, the per-minute resource history, the time now and the zone a time of day is told in.
public sealed class InsightInput(AuroraConfig config, IReadOnlyList<AuroraEvent> events, IReadOnlyList<IncidentRecord> incidents,
    IReadOnlyList<MinuteSample> minutes, DateTimeOffset now, TimeZoneInfo zone)
{
    private IReadOnlyList<StartRecord>? _starts;

    public AuroraConfig Config { get; } = config;

    public IReadOnlyList<AuroraEvent> Events { get; } = events;

    public IReadOnlyList<IncidentRecord> Incidents { get; } = incidents;

    public IReadOnlyList<MinuteSample> Minutes { get; } = minutes;

    public DateTimeOffset Now { get; } = now;

    public TimeZoneInfo Zone { get; } = zone;

    /// Every process start found in the events, oldest first.
    public IReadOnlyList<StartRecord> Starts => _starts ??= StartHistory.From(Events);

    /// The services as declared (replicas as one: their instances' history is pooled under the declared name).
    public IEnumerable<ServiceConfig> Declared => Config.Services.GroupBy(s => s.DeclaredName).Select(g => g.First());

    /// Whether a service (or replica instance) named in the history belongs to the declared service.
    public bool BelongsTo(string? service, ServiceConfig declared) =>
        service is not null && Config.Find(service)?.DeclaredName == declared.DeclaredName;

    public IEnumerable<StartRecord> StartsOf(ServiceConfig declared) => Starts.Where(s => BelongsTo(s.Service, declared));

    public IEnumerable<AuroraEvent> EventsOf(ServiceConfig declared, string type) =>
        Events.Where(e => e.Type == type && BelongsTo(e.Service, declared));
}
