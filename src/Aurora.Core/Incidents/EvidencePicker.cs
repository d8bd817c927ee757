using System.Text.RegularExpressions;
using Aurora.Core.Diagnosis;

namespace Aurora.Core.Incidents;

/// Picks the lines of a service's recent output that explain a failure: the ones that look like errors,
/// else the last few lines of its last run; never Aurora's own notes; secrets scrubbed; long lines cut.
public static partial class EvidencePicker
{
    public const int MaxLines = 10;
    public const int FallbackLines = 5;
    public const int MaxLineLength = 400;

    /// ended: the failure is an exit (its run is the last one that ended); false for a process that is still
    /// alive (unhealthy), whose run is the one in progress.
    public static IReadOnlyList<string> Pick(IReadOnlyList<string> recent, IEnumerable<string> secretValues, bool ended = true)
    {
        var secrets = secretValues.ToList();

        // Errors only from the output that can explain this failure (that run, after it last said it was up):
        // an "address already in use" it retried past is not evidence of a later crash.
        var errors = FailureOutput.Relevant(recent, ended).Where(l => !string.IsNullOrWhiteSpace(l) && ErrorLike().IsMatch(l)).ToList();
        var output = FailureOutput.LastRun(recent, ended).Where(l => !FailureOutput.IsAuroraNote(l) && !string.IsNullOrWhiteSpace(l));
        var chosen = errors.Count > 0 ? errors.TakeLast(MaxLines) : output.TakeLast(FallbackLines);
        return chosen.Select(l => Cut(Secrets.Scrub(l.TrimEnd(), secrets))).ToList();
    }

    private static string Cut(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…";

    [GeneratedRegex(@"error|exception|traceback|errno|refused|denied|not found|no such|fatal|panic|cannot|can't|failed|killed|(?-i:\bE[A-Z]{4,}\b)|usage:",
        RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLike();
}
