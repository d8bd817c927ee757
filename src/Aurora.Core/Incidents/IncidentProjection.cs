using System.Text.Json;
using Aurora.Core.Events;

namespace Aurora.Core.Incidents;

/// What the failure memory makes of the event stream: how each incident.* event, and each fix tried, changes
/// the stored incident. Pure, so every store keeps its incidents the same way (SQLite now, a networked store for
/// a fleet later) and only persists the result, in the same transaction as the event that caused it.
public static class IncidentProjection
{
    /// The id of the incident an event changes: an incident.* event whose data names a valid incident; else null.
    public static string? IncidentOf(AuroraEvent e) =>
        e.Type is EventTypes.IncidentOpened or EventTypes.IncidentUpdated or EventTypes.IncidentResolved
        && IncidentData.Read(e) is { } data && IncidentIds.TryParse(data.Id, out _)
            ? data.Id
            : null;

    /// The incident after the event, given the stored one with the event's id (null: none is stored). Null when
    /// there is nothing to store: the event is not about an incident, or it changes one the store no longer
    /// holds (retention dropped it).
    public static IncidentRecord? Apply(IncidentRecord? current, AuroraEvent e)
    {
        if (IncidentOf(e) is not { } id || IncidentData.Read(e) is not { } data)
        {
            return null;
        }

        if (current is not null && current.Id != id)
        {
            throw new ArgumentException($"the stored incident is {current.Id}, the event is about {id}", nameof(current));
        }

        return e.Type switch
        {
            // Opening replaces whatever was stored under that id: the event is the whole incident.
            EventTypes.IncidentOpened => data with { Opened = OpenedAt(e), Resolved = null, Fixes = [] },
            EventTypes.IncidentUpdated when current is not null => current with { Cause = data.Cause },
            EventTypes.IncidentResolved when current is not null => current with { Resolved = e.Time },
            _ => null,
        };
    }

    /// The incident with one more fix tried on it; null when the store no longer holds it.
    public static IncidentRecord? AddFix(IncidentRecord? current, FixAttempt fix) =>
        current is null ? null : current with { Fixes = current.Fixes.Add(fix) };

    /// When the failure happened (the trigger, IncidentData.Opened's opened_ms), a little before incident.opened.
    private static DateTimeOffset OpenedAt(AuroraEvent e) =>
        e.Data.TryGetProperty("opened_ms", out var ms) && ms.ValueKind == JsonValueKind.Number && ms.TryGetInt64(out var at)
            ? DateTimeOffset.FromUnixTimeMilliseconds(at)
            : e.Time;
}
