namespace Aurora.Core.Events;

/// A store that can say it cannot write right now, so that the daemon keeps answering from memory and says why.
public interface IStoreHealth
{
    /// The outage in course, or null when the store writes.
    StoreOutage? Outage { get; }

    /// Raised from the store's writer when an outage begins (Ended null) and when it ends (Ended set). Handlers
    /// may publish events (they are queued) but must not wait for the store.
    event Action<StoreOutage>? OutageChanged;
}
