namespace Aurora.Core.Incidents;

/// The failure memory: incidents, the fixes tried on them, and the history query. The SQLite store
/// implements it; a PostgreSQL store shared by a fleet (SPEC §8) would too. Incidents themselves are written by
/// publishing incident.* events: the store keeps its incidents in step with them through IncidentProjection,
/// in the transaction that commits the event, so the event stream and the incidents never disagree.
/// Reads are async (a networked store answers over the wire); writes only queue.
public interface IFailureStore
{
    /// A fresh incident id ("inc-N"), never handed out before. Synchronous on purpose: the incident tracker
    /// asks for one under its lock, so it must never wait on I/O. A store hands ids out from a counter it
    /// loaded at Open (SQLite: the highest number it ever stored); a store shared by several daemons would
    /// reserve a block of numbers from its sequence at Open and the next block before this one runs out.
    string NextIncidentId();

    /// Incidents not yet resolved, so a restarted daemon can resolve what its predecessor opened.
    Task<IReadOnlyList<IncidentRecord>> OpenIncidentsAsync(CancellationToken ct);

    /// Records a fix tried on an incident and its outcome ("verified", "rolled_back", …). Queued with the
    /// events, applied through IncidentProjection.AddFix.
    void AddFix(string incidentId, string fix, string outcome);

    Task<HistoryResult> QueryAsync(HistoryQuery query, CancellationToken ct);

    /// One incident by id ("inc-17"), with how often its signature was seen; null when there is none.
    Task<IncidentRecord?> IncidentAsync(string id, CancellationToken ct);
}
