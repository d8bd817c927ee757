using Aurora.Core.Events;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Hosting;

/// Says when the store cannot write, and when it writes again: a line in the daemon's log (written at once, which a
/// full disk may refuse: the end of the outage is said again in full) and an event (`store.unavailable`, then
/// `store.resumed` with how many held events were written and dropped), stored once the store writes again.
internal static class StoreOutageReport
{
    public static void Attach(IStoreHealth store, EventLog events) =>
        store.OutageChanged += outage => Report(outage, events);

    private static void Report(StoreOutage o, EventLog events)
    {
        if (o.Ended is not { } ended)
        {
            DaemonLog.Say($"aurora: cannot store events in .aurora/state.db: {o.Reason}; supervising on, events held in memory "
                + $"(at most 50,000) and written when it can (tried every second)");
            events.Publish(EventTypes.StoreUnavailable, null, new EventData().Add("reason", o.Reason).Add("since", o.Since.ToString("O")).Build());
            return;
        }

        var outageMs = (long)(ended - o.Since).TotalMilliseconds;
        DaemonLog.Say($"aurora: .aurora/state.db written again at {ended.ToLocalTime():HH:mm:ss} after {outageMs / 1000.0:0.0} s "
            + $"({o.Reason}): {o.Held} held events stored, {o.Dropped} dropped");
        events.Publish(EventTypes.StoreResumed, null, new EventData().Add("reason", o.Reason).Add("since", o.Since.ToString("O"))
            .Add("outage_ms", outageMs).Add("stored", o.Held).Add("dropped", o.Dropped).Build());
    }

}
