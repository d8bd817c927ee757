using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.Core.Insights;
using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Insights;

/// A synthetic history for the analysers: events written as the supervisor writes them, on a clock the test
/// moves, with incidents and resource minutes beside them.
internal sealed class History(string yaml)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly List<AuroraEvent> _events = [];
    private int _pid = 1000;

    public DateTimeOffset Now { get; set; } = T0;

    public List<IncidentRecord> Incidents { get; } = [];

    public List<MinuteSample> Minutes { get; } = [];

    public AuroraConfig Config { get; } = ConfigLoader.Parse(yaml, "/tmp/aurora.yaml", "/tmp", _ => true).Config
        ?? throw new InvalidOperationException("bad test config");

    public void Event(string type, string service, EventData data) =>
        _events.Add(new AuroraEvent(_events.Count + 1, Now, type, service, data.Build()));

    public void Advance(TimeSpan by) => Now += by;

    /// A start that is healthy after `healthy` (null: never) and runs `runs` more before exiting by itself.
    public int Start(string service, TimeSpan? healthy, TimeSpan? runs = null, TimeSpan? killedAfter = null, string killDetail = "connection refused",
        TimeSpan? ready = null)
    {
        var pid = ++_pid;
        var at = Now;
        Event(EventTypes.ServiceStarted, service, new EventData().Add("pid", pid));
        if (ready is { } r)
        {
            Advance(r);
            Event(EventTypes.ServiceReady, service, new EventData().Add("pid", pid).Add("since_start_ms", (long)r.TotalMilliseconds));
        }

        if (healthy is { } h)
        {
            Now = at + h;
            Event(EventTypes.ServiceHealthy, service, new EventData().Add("pid", pid).Add("since_start_ms", (long)h.TotalMilliseconds));
        }

        if (killedAfter is { } k)
        {
            Now = at + k;
            Event(EventTypes.ServiceUnhealthy, service, new EventData().Add("pid", pid).Add("detail", killDetail).Add("timed_out", true).Add("action", "kill"));
        }

        Advance(runs ?? TimeSpan.FromMinutes(1));
        Event(EventTypes.ServiceExited, service, new EventData().Add("pid", pid).Add("exit_code", 1).Add("uptime_ms", (long)(Now - at).TotalMilliseconds));
        Advance(TimeSpan.FromSeconds(1));
        return pid;
    }

    public void Incident(string service, string cause, TimeSpan? lasted = null)
    {
        Incidents.Add(new IncidentRecord($"inc-{Incidents.Count + 1}", service, cause, Now, lasted is { } l ? Now + l : null, [], "sig", []));
    }

    public InsightInput Input() => new(Config, _events, Incidents, Minutes, Now, TimeZoneInfo.Utc);

    public IReadOnlyList<Insight> Run() => InsightAnalysis.Run(Input());

    /// The insights of one kind (a synthetic history of exits is also, rightly, a flapping one).
    public IReadOnlyList<Insight> Run(string kind) => [.. Run().Where(i => i.Kind == kind)];
}
