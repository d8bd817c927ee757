using Aurora.Core.Events;
using Aurora.Core.Incidents;

namespace Aurora.Core.Tests.Incidents;

public class IncidentProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly IncidentRecord Incident = new("inc-3", "api", "unknown", T0, null,
        ["pid 42 exited with code 1", "Error: listen EADDRINUSE"], "0123456789abcdef", []);

    [Fact]
    public void Opened_stores_the_incident_the_event_carries_from_when_the_failure_happened()
    {
        var trigger = Event(7, T0, EventTypes.ServiceExited, EventData.Empty);
        var opened = Event(8, T0.AddMilliseconds(200), EventTypes.IncidentOpened, IncidentData.Opened(Incident, trigger));

        var stored = IncidentProjection.Apply(null, opened)!;

        Assert.Equal(Incident, stored with { Evidence = Incident.Evidence });
        Assert.Equal(Incident.Evidence, stored.Evidence);
        Assert.Equal(T0, stored.Opened);
        Assert.Empty(stored.Fixes);
    }

    [Fact]
    public void Opened_replaces_what_was_stored_under_its_id()
    {
        var stale = Incident with { Cause = "hang", Resolved = T0, Fixes = [new FixAttempt("restart", "verified", T0)] };
        var opened = Event(8, T0, EventTypes.IncidentOpened, IncidentData.Opened(Incident, Event(7, T0, EventTypes.ServiceExited, EventData.Empty)));

        var stored = IncidentProjection.Apply(stale, opened)!;

        Assert.Equal(("unknown", null, 0), (stored.Cause, stored.Resolved, stored.Fixes.Length));
    }

    [Fact]
    public void Diagnosed_changes_only_the_cause_and_resolved_only_the_resolution_time()
    {
        var current = Incident with { Fixes = [new FixAttempt("stop_stale_instance", "rolled_back", T0.AddSeconds(1))] };
        var diagnosed = Event(9, T0.AddSeconds(2), EventTypes.IncidentUpdated, IncidentData.Updated(Incident with { Cause = "port_conflict", Evidence = [] }, "unknown"));

        var afterDiagnosis = IncidentProjection.Apply(current, diagnosed);
        Assert.Equal(current with { Cause = "port_conflict" }, afterDiagnosis);

        var at = T0.AddMinutes(3);
        var resolved = Event(10, at, EventTypes.IncidentResolved, IncidentData.Resolved(Incident with { Resolved = at }, at));
        Assert.Equal(afterDiagnosis! with { Resolved = at }, IncidentProjection.Apply(afterDiagnosis, resolved));
    }

    [Fact]
    public void Diagnosed_resolved_and_fixes_of_an_incident_no_longer_stored_store_nothing()
    {
        var diagnosed = Event(9, T0, EventTypes.IncidentUpdated, IncidentData.Updated(Incident, "unknown"));
        var resolved = Event(10, T0, EventTypes.IncidentResolved, IncidentData.Resolved(Incident, T0));

        Assert.Null(IncidentProjection.Apply(null, diagnosed));
        Assert.Null(IncidentProjection.Apply(null, resolved));
        Assert.Null(IncidentProjection.AddFix(null, new FixAttempt("restart", "verified", T0)));
    }

    [Fact]
    public void A_fix_tried_is_added_after_the_earlier_ones()
    {
        var first = new FixAttempt("stop_stale_instance", "rolled_back", T0.AddSeconds(1));
        var second = new FixAttempt("restart", "verified", T0.AddSeconds(5));

        var stored = IncidentProjection.AddFix(IncidentProjection.AddFix(Incident, first), second);

        Assert.Equal([first, second], stored!.Fixes);
        Assert.Equal(Incident, stored with { Fixes = Incident.Fixes });
    }

    [Fact]
    public void Events_that_are_not_about_a_valid_incident_change_nothing()
    {
        var named = new EventData().Add("id", "inc-3").Add("cause", "hang").Build();
        Assert.Null(IncidentProjection.IncidentOf(Event(1, T0, EventTypes.ServiceFailed, named)));
        Assert.Null(IncidentProjection.Apply(Incident, Event(1, T0, EventTypes.ServiceFailed, named)));
        Assert.Null(IncidentProjection.Apply(null, Event(2, T0, EventTypes.IncidentOpened, new EventData().Add("id", "inc-x").Add("cause", "hang").Build())));
        Assert.Null(IncidentProjection.Apply(null, Event(3, T0, EventTypes.IncidentOpened, new EventData().Add("id", "inc-4").Build())));
        Assert.Null(IncidentProjection.Apply(null, new AuroraEvent(4, T0, EventTypes.IncidentOpened, null, named)));
        Assert.Equal("inc-3", IncidentProjection.IncidentOf(Event(5, T0, EventTypes.IncidentResolved, named)));
    }

    [Fact]
    public void A_stored_incident_with_another_id_is_refused()
    {
        var diagnosed = Event(9, T0, EventTypes.IncidentUpdated, IncidentData.Updated(Incident with { Id = "inc-4" }, "unknown"));
        Assert.Throws<ArgumentException>(() => IncidentProjection.Apply(Incident, diagnosed));
    }

    private static AuroraEvent Event(long seq, DateTimeOffset time, string type, System.Text.Json.JsonElement data) =>
        new(seq, time, type, "api", data);
}
