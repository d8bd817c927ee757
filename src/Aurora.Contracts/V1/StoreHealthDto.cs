namespace Aurora.Contracts.V1;

/// <summary>The event store cannot write (`/healthz`, `GET /api/v1/services`, `aurora status`): state "unavailable"
/// since Since, for Reason (SQLite's words: "database or disk is full"); HeldEvents wait in memory to be written
/// once it can, DroppedEvents were pushed out of that bounded memory.</summary>
public sealed record StoreHealthDto(string State, DateTimeOffset Since, string Reason, int HeldEvents, long DroppedEvents);
