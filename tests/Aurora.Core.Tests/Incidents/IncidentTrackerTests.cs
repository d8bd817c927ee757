using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Incidents;

public sealed class IncidentTrackerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeServiceFacts _facts = new();
    private readonly MemoryEventStore _store = new();
    private readonly EventLog _events;
    private readonly IncidentTracker _tracker;
    private int _ids;

    public IncidentTrackerTests()
    {
        _events = new EventLog(_store, _time);
        _tracker = new IncidentTracker(_events, _facts, EvidenceCauseClassifier.Instance, () => IncidentIds.Format(++_ids), _time);
    }

    [Fact]
    public void Crash_opens_one_incident_with_cause_and_evidence_and_healthy_resolves_it()
    {
        _facts.Lines["api"] = ["booting", "OSError: [Errno 98] Address already in use (key hunter2-secret)"];
        _facts.Stable["api"] = null; // has a health check
        Feed(EventTypes.ServiceExited, "api", new EventData().Add("pid", 42).Add("exit_code", 1));
        Feed(EventTypes.ServiceExited, "api", new EventData().Add("pid", 43).Add("exit_code", 1));

        var opened = Assert.Single(Of(EventTypes.IncidentOpened));
        Assert.Equal("api", opened.Service);
        Assert.Equal("inc-1", opened.Data.GetProperty("id").GetString());
        Assert.Equal("port_conflict", opened.Data.GetProperty("cause").GetString());
        Assert.Equal("pid 42 exited with code 1", opened.Data.GetProperty("evidence")[0].GetString());
        Assert.Equal("OSError: [Errno 98] Address already in use (key ***)", opened.Data.GetProperty("evidence")[1].GetString());
        Assert.Equal(16, opened.Data.GetProperty("signature").GetString()!.Length);

        Feed(EventTypes.ServiceStarted, "api", new EventData().Add("pid", 44));
        Assert.Empty(Of(EventTypes.IncidentResolved));
        Feed(EventTypes.ServiceHealthy, "api", new EventData().Add("pid", 44));
        var resolved = Assert.Single(Of(EventTypes.IncidentResolved));
        Assert.Equal("inc-1", resolved.Data.GetProperty("id").GetString());
        Assert.Empty(_tracker.Open);
    }

    [Fact]
    public void Requested_stops_and_the_daemon_stopping_neither_open_nor_resolve()
    {
        Feed(EventTypes.ServiceExited, "api", new EventData().Add("exit_code", (int?)null).Add("signal", "SIGTERM").Add("requested", true));
        Assert.Empty(Of(EventTypes.IncidentOpened));

        Feed(EventTypes.ServiceUnhealthy, "api", new EventData().Add("detail", "connection refused"));
        Feed(EventTypes.ServiceStopping, "api", new EventData().Add("signal", "SIGTERM"));
        Feed(EventTypes.ServiceExited, "api", new EventData().Add("exit_code", (int?)null).Add("signal", "SIGTERM").Add("requested", true));
        Feed(EventTypes.DaemonStopping, null, new EventData().Add("pid", 1));
        Assert.Single(Of(EventTypes.IncidentOpened));
        Assert.Empty(Of(EventTypes.IncidentResolved));
        Assert.Single(_tracker.Open);
    }

    [Fact]
    public void Without_a_health_check_it_resolves_only_once_a_start_stays_up()
    {
        _facts.Stable["worker"] = TimeSpan.FromSeconds(60);
        Feed(EventTypes.ServiceExited, "worker", new EventData().Add("exit_code", 2));
        Feed(EventTypes.ServiceStarted, "worker", new EventData().Add("pid", 7));
        _time.Advance(TimeSpan.FromSeconds(59));
        Feed(EventTypes.ServiceExited, "worker", new EventData().Add("exit_code", 2));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(Of(EventTypes.IncidentResolved));

        var start = Feed(EventTypes.ServiceStarted, "worker", new EventData().Add("pid", 8));
        _time.Advance(TimeSpan.FromSeconds(60));
        var resolved = Assert.Single(Of(EventTypes.IncidentResolved));
        Assert.Equal((long)(start.Time - Of(EventTypes.IncidentOpened)[0].Time).TotalMilliseconds,
            resolved.Data.GetProperty("duration_ms").GetInt64());
        Assert.Single(Of(EventTypes.IncidentOpened));
    }

    [Fact]
    public void Exit_by_signal_with_a_null_exit_code_opens_an_incident()
    {
        Feed(EventTypes.ServiceExited, "api", new EventData().Add("pid", 9).Add("exit_code", (int?)null).Add("signal", "SIGKILL"));
        Assert.Single(Of(EventTypes.IncidentOpened));
    }

    [Fact]
    public void With_an_evidence_delay_the_last_output_is_taken_and_events_meanwhile_are_applied_after_opening()
    {
        using var tracker = new IncidentTracker(_events, _facts, EvidenceCauseClassifier.Instance, () => "inc-50", _time, TimeSpan.FromMilliseconds(200));
        _facts.Stable["api"] = TimeSpan.FromSeconds(60);
        tracker.Observe(_events.Publish(EventTypes.ServiceExited, "api", new EventData().Add("exit_code", 1).Build()));
        _facts.Lines["api"] = ["OSError: [Errno 98] Address already in use"]; // the pipe drains after the exit is seen
        var restart = _events.Publish(EventTypes.ServiceStarted, "api", new EventData().Add("pid", 2).Build());
        tracker.Observe(restart);
        Assert.Empty(Of(EventTypes.IncidentOpened));

        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal("port_conflict", Assert.Single(Of(EventTypes.IncidentOpened)).Data.GetProperty("cause").GetString());
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Single(Of(EventTypes.IncidentResolved));
    }

    [Fact]
    public void A_clean_exit_of_a_one_shot_resolves()
    {
        Feed(EventTypes.ServiceExited, "job", new EventData().Add("exit_code", 1));
        Feed(EventTypes.ServiceExited, "job", new EventData().Add("exit_code", 0).Add("signal", (string?)null));
        Assert.Single(Of(EventTypes.IncidentResolved));
    }

    [Fact]
    public void Cause_is_upgraded_from_unknown_to_crash_loop_but_a_specific_cause_stays_and_the_seam_can_set_it()
    {
        Feed(EventTypes.ServiceExited, "a", new EventData().Add("exit_code", 1));
        Feed(EventTypes.ServiceFailed, "a", new EventData().Add("cause", "crash_loop"));
        var diagnosed = Assert.Single(Of(EventTypes.IncidentUpdated));
        Assert.Equal("crash_loop", diagnosed.Data.GetProperty("cause").GetString());
        Assert.Equal("unknown", diagnosed.Data.GetProperty("previous_cause").GetString());

        Assert.True(_tracker.Diagnose("inc-1", "missing_dependency"));
        Feed(EventTypes.ServiceFailed, "a", new EventData().Add("cause", "crash_loop"));
        Assert.Equal(["crash_loop", "missing_dependency"], Of(EventTypes.IncidentUpdated).Select(e => e.Data.GetProperty("cause").GetString()));
        Assert.False(_tracker.Diagnose("inc-99", "hang"));
    }

    [Fact]
    public void Incidents_left_open_by_a_previous_daemon_are_resolved_by_this_one()
    {
        _facts.Stable["api"] = null;
        _tracker.Restore([new IncidentRecord("inc-7", "api", "hang", _time.GetUtcNow(), null, [], "abc", [])]);
        Feed(EventTypes.ServiceHealthy, "api", new EventData().Add("pid", 1));
        Assert.Equal("inc-7", Assert.Single(Of(EventTypes.IncidentResolved)).Data.GetProperty("id").GetString());
    }

    private AuroraEvent Feed(string type, string? service, EventData data)
    {
        var e = _events.Publish(type, service, data.Build());
        _tracker.Observe(e);
        return e;
    }

    private List<AuroraEvent> Of(string type) => _store.ReadAfter(0, 10_000).Where(e => e.Type == type).ToList();

    public async ValueTask DisposeAsync()
    {
        _tracker.Dispose();
        await _events.DisposeAsync();
    }
}
