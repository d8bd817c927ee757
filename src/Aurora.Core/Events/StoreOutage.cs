namespace Aurora.Core.Events;

/// The event store cannot write (a full disk, an I/O error, a file made read-only or removed) since Since, for
/// Reason. Meanwhile the events are held in memory, in order, at most a bounded number of them (Held); those
/// pushed out by the bound are counted in Dropped. Ended is set on the report that the store wrote again; Held is
/// then how many it wrote.
public sealed record StoreOutage(DateTimeOffset Since, string Reason, int Held, long Dropped, DateTimeOffset? Ended = null);
