using System.Collections.Immutable;
using Aurora.Core.Events;

namespace Aurora.Core.Supervision;

/// The one place a service's state is published. Each change is one event on the EventLog carrying the full
/// snapshot under `data.service`; in-process subscribers (dependents, the healer) get the same (event, snapshot)
/// pairs in seq order through Published. Two views are kept: the live one (what supervisors decide from) and
/// the committed one, the state as of the last committed seq, which `GET /api/v1/services` answers with: a
/// client that reads it and then follows the stream from its seq sees every change exactly once. While the store
/// cannot write (a full disk: IStoreHealth), nothing commits, so the committed view would go stale; then the live
/// view is answered instead, as of the seq of its last change (a client following from there still sees every
/// later change once, when the store writes again).
public sealed class ServiceStateStore
{
    private readonly Lock _gate = new();
    private readonly EventLog _events;
    private readonly Queue<Pending> _pending = new();
    private ImmutableDictionary<string, ServiceSnapshot> _live = ImmutableDictionary<string, ServiceSnapshot>.Empty;
    private ImmutableDictionary<string, ServiceSnapshot> _committed = ImmutableDictionary<string, ServiceSnapshot>.Empty;
    private long _committedSeq;
    private long _liveSeq;
    private long _version;

    public ServiceStateStore(EventLog events)
    {
        _events = events;
        _committedSeq = events.LastCommittedSeq;
        events.Committed += OnCommitted;
    }

    /// Every published change, in seq order, called under the store's lock: handlers must be cheap (post to a
    /// channel, complete a task) and must not publish.
    public event Action<ServiceChange>? Published;

    public ImmutableDictionary<string, ServiceSnapshot> All => Volatile.Read(ref _live);

    public ServiceSnapshot? Get(string name) => All.GetValueOrDefault(name);

    /// The services as of Seq: everything up to and including event Seq, nothing after it. Committed, unless the
    /// store cannot write now: then what is live (see the class).
    public CommittedServices Committed
    {
        get
        {
            var outage = _events.Store is IStoreHealth { Outage: not null };
            lock (_gate)
            {
                return outage && _pending.Count > 0
                    ? new CommittedServices(Math.Max(_committedSeq, _liveSeq), _live)
                    : new CommittedServices(_committedSeq, _committed);
            }
        }
    }

    /// A new service's first snapshot. At the daemon's start it is simply there (no client can have read the
    /// list before); a service a reload adds is announced with `service.added`.
    public ServiceSnapshot Add(ServiceSnapshot initial, bool announce)
    {
        if (announce)
        {
            return Publish(initial, EventTypes.ServiceAdded, new EventData());
        }

        lock (_gate)
        {
            var stamped = initial with { Version = ++_version };
            _live = _live.SetItem(stamped.Name, stamped);
            _committed = _committed.SetItem(stamped.Name, stamped);
            return stamped;
        }
    }

    /// Stamps the snapshot's version, publishes the event with the snapshot under `data.service`, and tells
    /// the subscribers. Returns the snapshot as published.
    public ServiceSnapshot Publish(ServiceSnapshot next, string type, EventData data)
    {
        lock (_gate)
        {
            var stamped = next with { Version = ++_version };
            var e = _events.Publish(type, stamped.Name, data.AddRaw("service", SnapshotJson.Write(stamped)).Build());
            _live = _live.SetItem(stamped.Name, stamped);
            _liveSeq = e.Seq;
            _pending.Enqueue(new Pending(e.Seq, stamped, Removed: false));
            Published?.Invoke(new ServiceChange(e, stamped, Removed: false));
            return stamped;
        }
    }

    /// A service a reload removed: `service.removed` with its last snapshot.
    public void Remove(string name)
    {
        lock (_gate)
        {
            if (!_live.TryGetValue(name, out var last))
            {
                return;
            }

            var e = _events.Publish(EventTypes.ServiceRemoved, name, new EventData().AddRaw("service", SnapshotJson.Write(last)).Build());
            _live = _live.Remove(name);
            _liveSeq = e.Seq;
            _pending.Enqueue(new Pending(e.Seq, last, Removed: true));
            Published?.Invoke(new ServiceChange(e, last, Removed: true));
        }
    }

    private void OnCommitted(long seq)
    {
        lock (_gate)
        {
            while (_pending.TryPeek(out var p) && p.Seq <= seq)
            {
                _pending.Dequeue();
                _committed = p.Removed ? _committed.Remove(p.Snapshot.Name) : _committed.SetItem(p.Snapshot.Name, p.Snapshot);
            }

            _committedSeq = Math.Max(_committedSeq, seq);
        }
    }

    private sealed record Pending(long Seq, ServiceSnapshot Snapshot, bool Removed);
}

/// One published change: the event (with its seq) and the snapshot it carries.
public sealed record ServiceChange(AuroraEvent Event, ServiceSnapshot Snapshot, bool Removed);

/// The state of every service as of one committed seq.
public sealed record CommittedServices(long Seq, ImmutableDictionary<string, ServiceSnapshot> Services);
