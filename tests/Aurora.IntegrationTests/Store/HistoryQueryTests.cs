using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.IntegrationTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Store;

public sealed class HistoryQueryTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly TempStore _db;

    public HistoryQueryTests()
    {
        _db = TempStore.Open(StoreConfig.Default, _time);
    }

    [Fact(Timeout = 60000)]
    public async Task Words_find_incidents_by_their_evidence_and_events_by_their_data()
    {
        await SeedAsync(TestContext.Current.CancellationToken);
        var r = await Query("address already in use");
        Assert.Equal(["inc-1", "inc-2"], r.Incidents.Select(i => i.Id).Order());
        Assert.All(r.Events, e => Assert.StartsWith("incident.", e.Type));

        var module = await Query("flask");
        Assert.Equal("inc-3", Assert.Single(module.Incidents).Id);

        var exits = await Query("exited SIGKILL");
        Assert.Equal(EventTypes.ServiceExited, Assert.Single(exits.Events).Type);
        Assert.Empty(exits.Incidents);

        // The last word is a prefix; every word is required; FTS syntax in the input is just text.
        Assert.Equal(2, (await Query("addr")).Incidents.Count);
        Assert.Empty((await Query("address flask")).Incidents);
        Assert.Empty((await Query("\"NEAR(a b) OR * -x:")).Incidents);
    }

    [Fact(Timeout = 60000)]
    public async Task A_cause_in_plain_words_finds_its_name_and_its_evidence()
    {
        await SeedAsync(TestContext.Current.CancellationToken);

        // inc-1 is port_conflict by name; inc-2 is "unknown" but its output says "Address already in use".
        Assert.Equal(["inc-1", "inc-2"], (await Query("port conflict")).Incidents.Select(i => i.Id).Order());
        Assert.Equal(["inc-1", "inc-2"], (await Query("port_conflict")).Incidents.Select(i => i.Id).Order());
        Assert.Equal("inc-3", Assert.Single((await Query("missing dependency")).Incidents).Id);
        Assert.Equal("inc-3", Assert.Single((await Query("module not found")).Incidents).Id);
        Assert.Equal("inc-1", Assert.Single((await Query(null, cause: "port_conflict")).Incidents).Id);
    }

    [Fact(Timeout = 60000)]
    public async Task Service_and_since_filters_narrow_incidents_and_events()
    {
        await SeedAsync(TestContext.Current.CancellationToken);
        var worker = await Query("address", service: "worker");
        Assert.Equal("inc-2", Assert.Single(worker.Incidents).Id);
        Assert.All(worker.Events, e => Assert.Equal("worker", e.Service));

        // inc-1 was opened and resolved three hours ago; the rest is recent.
        var recent = await Query(null, since: _time.GetUtcNow() - TimeSpan.FromHours(1));
        Assert.Equal(["inc-3", "inc-2"], recent.Incidents.Select(i => i.Id));
        Assert.All(recent.Events, e => Assert.True(e.Time >= _time.GetUtcNow() - TimeSpan.FromHours(1)));
        Assert.DoesNotContain((await Query("address", since: _time.GetUtcNow() - TimeSpan.FromHours(1))).Incidents, i => i.Id == "inc-1");

        // Without text: newest first.
        var all = await Query(null);
        Assert.Equal(["inc-3", "inc-2", "inc-1"], all.Incidents.Select(i => i.Id));
        Assert.True(all.Events.Zip(all.Events.Skip(1)).All(p => p.First.Seq > p.Second.Seq));
    }

    [Fact(Timeout = 60000)]
    public async Task Failures_differing_only_in_pids_ports_and_paths_are_grouped_and_fixes_are_recorded()
    {
        await SeedAsync(TestContext.Current.CancellationToken);
        var inc1 = (await Query("port conflict")).Incidents.Single(i => i.Id == "inc-1");
        var inc2 = (await Query("port conflict")).Incidents.Single(i => i.Id == "inc-2");
        Assert.Equal(inc1.Signature, inc2.Signature);
        Assert.Equal(2, inc1.Occurrences);
        Assert.Equal(1, (await Query("flask")).Incidents[0].Occurrences);
        Assert.NotNull(inc1.Resolved);
        Assert.Null(inc2.Resolved);

        _db.Store.AddFix("inc-2", "stop_stale_instance", "verified");
        await _db.Events.FlushAsync(TestContext.Current.CancellationToken).DefaultTimeout();
        var withFix = Assert.Single((await Query("stale instance")).Incidents);
        Assert.Equal("inc-2", withFix.Id);
        Assert.Equal(("stop_stale_instance", "verified"), (withFix.Fixes[0].Fix, withFix.Fixes[0].Outcome));
        Assert.Equal(["inc-2", "inc-3"], (await _db.Store.OpenIncidentsAsync(TestContext.Current.CancellationToken).DefaultTimeout()).Select(i => i.Id));
    }

    /// inc-1 (api, port_conflict, 3h ago, resolved), inc-2 (worker, unknown, same failure with other pid/port/path),
    /// inc-3 (worker, missing_dependency).
    private async Task SeedAsync(CancellationToken ct)
    {
        var log = _db.Events;
        log.Publish(EventTypes.ServiceExited, "api", new EventData().Add("pid", 4242).Add("exit_code", (int?)null).Add("signal", "SIGKILL").Build());
        Open("api", "port_conflict", "Error: listen EADDRINUSE: address already in use 127.0.0.1:5001 (pid 4242) /home/a/app.js");
        _time.Advance(TimeSpan.FromMinutes(1));
        log.Publish(EventTypes.IncidentResolved, "api", new EventData().Add("id", "inc-1").Add("cause", "port_conflict").Build());
        _time.Advance(TimeSpan.FromHours(3));
        log.Publish(EventTypes.ServiceExited, "worker", new EventData().Add("pid", 17).Add("exit_code", 1).Build());
        Open("worker", "unknown", "Error: listen EADDRINUSE: address already in use 10.1.2.3:8080 (pid 17) /srv/w/main.js");
        _time.Advance(TimeSpan.FromMinutes(1));
        Open("worker", "missing_dependency", "ModuleNotFoundError: No module named 'flask'");
        await log.FlushAsync(ct).DefaultTimeout();
    }

    private void Open(string service, string cause, string evidence)
    {
        var id = _db.Store.NextIncidentId();
        var incident = new IncidentRecord(id, service, cause, _time.GetUtcNow(), null, [evidence], FailureSignature.Compute([evidence], cause), []);
        var trigger = new AuroraEvent(0, _time.GetUtcNow(), EventTypes.ServiceExited, service, EventData.Empty);
        _db.Events.Publish(EventTypes.IncidentOpened, service, IncidentData.Opened(incident, trigger));
    }

    private Task<HistoryResult> Query(string? text, string? service = null, string? cause = null, DateTimeOffset? since = null) =>
        _db.Store.QueryAsync(new HistoryQuery(text, service, cause, since), TestContext.Current.CancellationToken).DefaultTimeout();

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
