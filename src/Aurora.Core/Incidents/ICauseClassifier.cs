namespace Aurora.Core.Incidents;

/// The seam for diagnosis: names the cause of a failure when an incident opens. A richer diagnosis can
/// also come later and upgrade it through IncidentTracker.Diagnose (an `incident.diagnosed` event).
public interface ICauseClassifier
{
    string Classify(CauseContext context);
}

/// The failure to explain: the event that opened (or joined) the incident and the evidence picked for it.
public sealed record CauseContext(string Service, Events.AuroraEvent Event, IReadOnlyList<string> Evidence, string? LastCause);
