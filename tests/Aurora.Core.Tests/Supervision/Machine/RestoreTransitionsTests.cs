using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Supervision.Machine;

/// Issue 17 point 1: a daemon that adopts keeps each service without a process as the store last saw it.
public sealed class RestoreTransitionsTests
{
    private static readonly DateTimeOffset Now = TransitionFixture.Now;

    [Fact]
    public void A_service_in_backoff_waits_out_the_rest_of_it_with_its_attempt_and_counters_kept()
    {
        var config = TestConfigs.Service("api");
        var last = new ServiceSnapshot("api", ServiceState.Backoff, 12, Restarts: 5, LastCause: Causes.PortConflict,
            LastExit: new ExitStatus(1, null), NextRestartAt: Now.AddSeconds(3));
        var d = Transitions.Decide(SupervisorState.Initial("api"), new SupervisorInput.Restore(last, 4), config, Now);

        Assert.Equal(ServiceState.Backoff, d.ServiceState);
        Assert.Equal((5, Causes.PortConflict, 1), (d.State.Service.Restarts, d.State.Service.LastCause, d.State.Service.LastExit!.ExitCode));
        Assert.Equal((4, true), (d.State.Attempt, d.State.Wanted));
        Assert.Equal(Now.AddSeconds(3), d.State.Service.NextRestartAt);
        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(d.Effects.OfType<SupervisorEffect.ArmBackoff>()).Delay);
        Assert.Empty(d.Effects.OfType<SupervisorEffect.Spawn>());
    }

    [Fact]
    public void A_quarantined_service_stays_failed_with_its_cause_and_a_manual_start_lifts_it()
    {
        var config = TestConfigs.Service("api");
        var last = new ServiceSnapshot("api", ServiceState.Failed, 12, Restarts: 3, LastCause: Causes.PortConflict, LastExit: new ExitStatus(1, null));
        var d = Transitions.Decide(SupervisorState.Initial("api"), new SupervisorInput.Restore(last, 0), config, Now);

        Assert.Equal(ServiceState.Failed, d.ServiceState);
        Assert.Equal(Causes.PortConflict, d.State.Service.LastCause);
        Assert.DoesNotContain(d.Effects, e => e is SupervisorEffect.Spawn);

        var started = Transitions.Decide(d.State, new SupervisorInput.Start(Manual: true), config, Now);
        Assert.Equal(ServiceState.Starting, started.ServiceState);
    }

    [Fact]
    public async Task The_store_is_read_backwards_for_each_services_newest_snapshot_and_an_added_service_is_not_kept()
    {
        var store = new MemoryEventStore();
        var seq = 0L;
        void Add(string type, string service, ServiceState state, string? extra = null) =>
            store.Append(new AuroraEvent(++seq, Now, type, service, System.Text.Json.JsonDocument.Parse(
                $$"""{"service":{{SnapshotJson.Write(new ServiceSnapshot(service, state, seq, Restarts: 2, LastCause: "crash_loop"))}}{{extra}}}""").RootElement));
        Add(EventTypes.ServiceStarted, "web", ServiceState.Running);
        Add(EventTypes.ServiceFailed, "web", ServiceState.Failed);
        Add(EventTypes.ServiceBackoff, "api", ServiceState.Backoff, ""","attempt":3""");
        Add(EventTypes.IncidentDiagnosed, "api", ServiceState.Backoff, ",\"cause\":\"unknown\"");
        Add(EventTypes.ServiceAdded, "new", ServiceState.Stopped);
        for (var i = 0; i < 4500; i++)
        {
            Add(EventTypes.ServiceHealthy, "busy", ServiceState.Healthy);
        }

        var found = await PreviousStates.ReadAsync(store, seq, new HashSet<string> { "web", "api", "new", "busy", "never" }, CancellationToken.None);

        Assert.Equal(["api", "busy", "web"], found.Keys.Order());
        Assert.Equal((ServiceState.Failed, "crash_loop", 2, true), (found["web"].Last.State, found["web"].Last.LastCause, found["web"].Last.Restarts, found["web"].Keeps));
        Assert.Equal((ServiceState.Backoff, 3), (found["api"].Last.State, found["api"].Attempt));
        Assert.False(found["busy"].Keeps);
    }

    [Fact]
    public void A_restored_state_opens_no_incident()
    {
        var data = System.Text.Json.JsonDocument.Parse("""{"restored":true}""").RootElement;
        Assert.Equal(Aurora.Core.Incidents.IncidentSignal.None,
            Aurora.Core.Incidents.IncidentRules.Classify(new AuroraEvent(1, Now, EventTypes.ServiceExited, "api", data)));
        Assert.Equal(Aurora.Core.Incidents.IncidentSignal.None,
            Aurora.Core.Incidents.IncidentRules.Classify(new AuroraEvent(2, Now, EventTypes.ServiceFailed, "api", data)));
    }
}
