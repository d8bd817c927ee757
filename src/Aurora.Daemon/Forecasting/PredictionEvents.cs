using Aurora.Core.Events;
using Aurora.Core.Forecasting;

namespace Aurora.Daemon.Forecasting;

/// A forecast change as an event (SPEC §5): `prediction` {resource, current, limit, eta_seconds, confidence,
/// breach_at, update, pid} or `prediction.resolved` {resource, reason, pid}; the service is the event's own
/// (none for the disk). Webhooks pick them up by type like any other event.
internal static class PredictionEvents
{
    public static void Publish(EventLog events, ForecastChange change)
    {
        var f = change.Forecast;
        var data = new EventData().Add("resource", f.Key.Resource.ToWire());
        if (change.Kind == ForecastChangeKind.Resolved)
        {
            data.Add("reason", change.Reason);
        }
        else
        {
            data.Add("current", (long)f.Current).Add("limit", (long)f.Limit).Add("eta_seconds", f.EtaSeconds)
                .Add("confidence", f.Confidence).Add("breach_at", f.BreachAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"))
                .Add("update", change.Kind == ForecastChangeKind.Repeated);
        }

        if (f.Pid is { } pid)
        {
            data.Add("pid", pid);
        }

        events.Publish(change.Kind == ForecastChangeKind.Resolved ? EventTypes.PredictionResolved : EventTypes.Prediction,
            f.Key.Service, data.Build());
    }

    public static void Publish(EventLog events, IEnumerable<ForecastChange> changes)
    {
        foreach (var change in changes)
        {
            Publish(events, change);
        }
    }
}
