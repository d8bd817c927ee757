using Aurora.Contracts.V1;
using Aurora.Core.Events;

namespace Aurora.Daemon.Api;

/// The store's outage as the API shows it: null while the store writes (the field is then left out).
internal static class StoreHealth
{
    public static StoreHealthDto? Of(IEventStore store) =>
        store is IStoreHealth { Outage: { } o } ? new StoreHealthDto("unavailable", o.Since, o.Reason, o.Held, o.Dropped) : null;
}
