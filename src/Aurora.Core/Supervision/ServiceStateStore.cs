using System.Collections.Immutable;

namespace Aurora.Core.Supervision;

/// The latest snapshot of every service, replaced whole under one lock. Readers get an immutable map;
/// Changed fires after each publish (handlers must be cheap: post to a channel and return).
public sealed class ServiceStateStore
{
    private readonly object _gate = new();
    private ImmutableDictionary<string, ServiceSnapshot> _all = ImmutableDictionary<string, ServiceSnapshot>.Empty;

    private long _version;

    public event Action<ServiceSnapshot>? Changed;

    /// Versions are unique across services and only grow, so a service removed and added again by a
    /// reload never looks older than what its dependents have already seen.
    public long NextVersion() => Interlocked.Increment(ref _version);

    public ImmutableDictionary<string, ServiceSnapshot> All => Volatile.Read(ref _all);

    public ServiceSnapshot? Get(string name) => All.GetValueOrDefault(name);

    public void Publish(ServiceSnapshot snapshot)
    {
        lock (_gate)
        {
            _all = _all.SetItem(snapshot.Name, snapshot);
        }

        Changed?.Invoke(snapshot);
    }

    public void Remove(string name)
    {
        lock (_gate)
        {
            _all = _all.Remove(name);
        }
    }
}
