using System.Text;
using System.Text.Json;
using Aurora.Core.Events;
using Aurora.Daemon.Metrics;

namespace Aurora.IntegrationTests.Metrics;

/// The families /metrics derives from the event stream.
public class EventCountersTests
{
    private long _seq;

    private AuroraEvent Event(string type, string? service, EventData data) =>
        new(++_seq, DateTimeOffset.UnixEpoch, type, service, data.Build());

    private static string Written(EventCounters counters)
    {
        var output = new StringBuilder();
        counters.WriteTo(new PrometheusText(output));
        return output.ToString();
    }

    [Fact]
    public void Incidents_are_counted_when_opened_and_by_their_final_cause_when_resolved()
    {
        var counters = new EventCounters();
        counters.Observe(Event(EventTypes.IncidentOpened, "api", new EventData().Add("id", "inc-1").Add("cause", "unknown")));
        counters.Observe(Event(EventTypes.IncidentUpdated, "api", new EventData().Add("id", "inc-1").Add("cause", "port_conflict")));
        counters.Observe(Event(EventTypes.IncidentResolved, "api", new EventData().Add("id", "inc-1").Add("cause", "port_conflict")));
        counters.Observe(Event(EventTypes.IncidentOpened, "db", new EventData().Add("id", "inc-2").Add("cause", "unknown")));

        var text = Written(counters);
        Assert.Contains("\naurora_incidents_opened_total 2\n", text);
        Assert.Contains("\naurora_incidents_resolved_total{cause=\"port_conflict\"} 1\n", text);
        // Every known cause is there from the start, at 0.
        Assert.Contains("\naurora_incidents_resolved_total{cause=\"out_of_memory\"} 0\n", text);
        Assert.Contains("\naurora_incidents_resolved_total{cause=\"unknown\"} 0\n", text);
    }

    [Fact]
    public void Fixes_are_counted_by_fix_and_outcome_and_a_user_fix_never_puts_its_command_in_a_label()
    {
        var counters = new EventCounters();
        counters.Observe(Event(EventTypes.FixVerified, "api", new EventData().Add("fix", "run_install")));
        counters.Observe(Event(EventTypes.FixVerified, "api", new EventData().Add("fix", "run_install")));
        counters.Observe(Event(EventTypes.FixRolledBack, "api", new EventData().Add("fix", "user:0:pip install -r requirements.txt")));
        counters.Observe(Event(EventTypes.FixSkipped, "api", new EventData().Add("fix", "restart")));
        counters.Observe(Event(EventTypes.FixSkipped, "api", new EventData().Add("fix", (string?)null).Add("reason", "rate limited")));

        var text = Written(counters);
        Assert.Contains("\naurora_fixes_total{fix=\"restart\",outcome=\"skipped\"} 1\n", text);
        Assert.Contains("\naurora_fixes_total{fix=\"run_install\",outcome=\"verified\"} 2\n", text);
        Assert.Contains("\naurora_fixes_total{fix=\"user\",outcome=\"rolled_back\"} 1\n", text);
        Assert.DoesNotContain("pip", text);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("aurora_fixes_total{", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_prediction_is_in_force_from_its_event_to_its_resolution_per_service_and_resource()
    {
        var counters = new EventCounters();
        Assert.DoesNotContain("aurora_predictions_active{", Written(counters)); // before any forecast exists

        counters.Observe(Event(EventTypes.Prediction, "api", new EventData().Add("resource", "memory").Add("eta_seconds", 300)));
        counters.Observe(Event(EventTypes.Prediction, "api", new EventData().Add("resource", "memory").Add("eta_seconds", 120))); // a new estimate
        counters.Observe(Event(EventTypes.Prediction, "db", new EventData().Add("resource", "memory")));
        counters.Observe(Event(EventTypes.Prediction, "api", new EventData().Add("resource", "fds")));
        counters.Observe(Event(EventTypes.Prediction, null, new EventData().Add("resource", "disk")));
        Assert.Contains("\naurora_predictions_active{resource=\"memory\"} 2\n", Written(counters));

        counters.Observe(Event(EventTypes.PredictionResolved, "api", new EventData().Add("resource", "memory")));
        counters.Observe(Event(EventTypes.PredictionResolved, "api", new EventData().Add("resource", "memory"))); // twice: no effect
        counters.Observe(Event(EventTypes.PredictionResolved, "worker", new EventData().Add("resource", "memory"))); // never raised here
        counters.Observe(Event(EventTypes.PredictionResolved, null, new EventData().Add("resource", "disk")));

        var text = Written(counters);
        Assert.Contains("\naurora_predictions_active{resource=\"memory\"} 1\n", text);
        Assert.Contains("\naurora_predictions_active{resource=\"fds\"} 1\n", text);
        Assert.Contains("\naurora_predictions_active{resource=\"disk\"} 0\n", text);
    }

    [Fact]
    public void A_value_that_is_not_a_plain_name_never_becomes_a_label()
    {
        var counters = new EventCounters();
        counters.Observe(Event(EventTypes.IncidentResolved, "api", new EventData().Add("cause", "Address already in use: 127.0.0.1:5001")));
        counters.Observe(Event(EventTypes.Prediction, "api", new EventData().Add("resource", "/var/lib/data")));
        counters.Observe(Event(EventTypes.FixVerified, "api", new EventData().Add("fix", new string('x', 200))));
        counters.Observe(new AuroraEvent(++_seq, DateTimeOffset.UnixEpoch, EventTypes.FixVerified, "api", JsonDocument.Parse("[1]").RootElement));

        var text = Written(counters);
        Assert.Contains("\naurora_incidents_resolved_total{cause=\"other\"} 1\n", text);
        Assert.Contains("\naurora_fixes_total{fix=\"other\",outcome=\"verified\"} 1\n", text);
        Assert.DoesNotContain("aurora_predictions_active{", text);
        Assert.DoesNotContain("127.0.0.1", text);
    }
}
