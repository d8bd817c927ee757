namespace Aurora.Core.Incidents;

/// The failure memory: incidents, the fixes tried on them, and the history query. The SQLite store
/// implements it; a PostgreSQL store for a fleet would too. Incidents themselves are written by publishing
/// incident.* events (see IncidentData), so the event stream and the incidents never disagree.
public interface IFailureStore
{
    /// A fresh incident id ("inc-N"), never handed out before.
    string NextIncidentId();

    /// Incidents not yet resolved, so a restarted daemon can resolve what its predecessor opened.
    IReadOnlyList<IncidentRecord> OpenIncidents();

    /// Records a fix tried on an incident and its outcome ("verified", "rolled_back", …).
    void AddFix(string incidentId, string fix, string outcome);

    HistoryResult Query(HistoryQuery query);
}
