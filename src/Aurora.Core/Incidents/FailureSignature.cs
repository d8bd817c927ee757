using System.Text;
using System.Text.RegularExpressions;

namespace Aurora.Core.Incidents;

/// The fingerprint of a failure: its evidence with everything that changes from run to run (numbers, hex
/// ids, uuids, paths, addresses, ports, pids) replaced by placeholders, then hashed. Two crashes that differ
/// only in those share a signature, across time and across services.
public static partial class FailureSignature
{
    /// One line with its variable parts replaced: "listen EADDRINUSE 127.0.0.1:5001 (pid 42)" → "listen EADDRINUSE <addr> (pid <n>)".
    public static string Normalize(string line)
    {
        var s = Uuid().Replace(line, "<id>");
        s = Url().Replace(s, "<url>");
        s = IPv4().Replace(s, "<addr>");
        s = IPv6().Replace(s, "<addr>");
        s = FilePath().Replace(s, "<path>");
        s = HexId().Replace(s, "<hex>");
        s = Number().Replace(s, "<n>");
        return Spaces().Replace(s, " ").Trim();
    }

    /// The normalised lines, duplicates dropped (a line repeated by every restart counts once).
    public static IReadOnlyList<string> Normalize(IEnumerable<string> lines) =>
        lines.Select(Normalize).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// A 16-hex-digit hash of the normalised evidence; with no evidence, of the fallback (e.g. the cause).
    public static string Compute(IEnumerable<string> evidence, string fallback)
    {
        var normalized = Normalize(evidence);
        var text = normalized.Count > 0 ? string.Join('\n', normalized) : "cause:" + fallback;
        return StableHash.Hex(text);
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s'""<>)]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b")]
    private static partial Regex IPv4();

    // [::1]:5001, ::1, fe80::1%eth0 (a "::" is required so that times like 10:15:03 are left to Number).
    [GeneratedRegex(@"\[[0-9a-fA-F:.%\w]*::?[0-9a-fA-F:.%\w]*\](?::\d+)?|(?<![\w:])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4})*::[0-9a-fA-F:]*(?:%\w+)?")]
    private static partial Regex IPv6();

    // Absolute, home- and dot-relative paths; a path ends at whitespace, a quote, a bracket, a comma or a ":line".
    [GeneratedRegex(@"(?<![\w.<>/])(?:~|\.{1,2})?(?:/[^\s:'""(),\[\]<>]+)+/?")]
    private static partial Regex FilePath();

    // 0x7ffd…, and bare hex runs of 8+ characters that hold a digit (container ids, git hashes, request ids).
    [GeneratedRegex(@"\b0x[0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}\b")]
    private static partial Regex HexId();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
