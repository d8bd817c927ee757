using System.Collections.Immutable;
using System.Globalization;

namespace Aurora.Core.Supervision;

/// What a supervisor leaves with each process it starts (ProcessSpec.Memo, kept by the holder), so a later
/// daemon takes the service over where it was: the restart counter, the backoff attempt, the recent failures
/// of the restart window, the failure episode's cause, the last cause, and a fingerprint of the config the
/// process was started with (a different one now means the config changed meanwhile: a restart, as a reload
/// would do). All of these change only at an exit or a start, so the memo written at the spawn stays true for
/// the process's whole life. Open incidents need nothing here: they live in the store.
public sealed record AdoptionMemo(
    int Restarts,
    int Attempt,
    string? EpisodeCause,
    string? LastCause,
    string Fingerprint,
    ImmutableArray<DateTimeOffset> Failures)
{
    private const string Version = "1";

    public static AdoptionMemo Of(SupervisorState state, Config.ServiceConfig config) =>
        new(state.Service.Restarts, state.Attempt, state.EpisodeCause, state.Service.LastCause, ProcessFingerprint.Of(config), state.Failures);

    public string Format() => string.Join('\n', Version, Restarts.ToString(CultureInfo.InvariantCulture), Attempt.ToString(CultureInfo.InvariantCulture),
        EpisodeCause ?? "", LastCause ?? "", Fingerprint, string.Join(',', Failures.Select(f => f.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))));

    /// Null for a memo this daemon cannot read (none, or another version's).
    public static AdoptionMemo? Parse(string text)
    {
        var parts = text.Split('\n');
        if (parts.Length != 7 || parts[0] != Version || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var restarts)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var attempt))
        {
            return null;
        }

        var failures = parts[6].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null)
            .Where(f => f is not null).Select(f => f!.Value).ToImmutableArray();
        return new AdoptionMemo(restarts, attempt, NullIfEmpty(parts[3]), NullIfEmpty(parts[4]), parts[5], failures);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
