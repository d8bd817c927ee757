namespace Aurora.Core.Healing;

/// A verdict to heal, with the incident it belongs to and who asked. Done is set when a person asked
/// (`aurora heal`): the outcome goes back to them, and the rate limits that guard against loops do not apply.
internal sealed record HealRequest(string Service, Diagnosis.Diagnosis Verdict, string? IncidentId, string Source = "healer",
    TaskCompletionSource<HealOutcome>? Done = null)
{
    public bool Manual => Done is not null;
}
