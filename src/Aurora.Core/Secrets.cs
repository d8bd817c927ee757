using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Aurora.Core;

/// SPEC §7: values of env vars whose names hold, as a whole `_`-separated word, TOKEN, SECRET, PASSWORD,
/// PASSWD, PASS, KEY, CREDENTIAL(S) or AUTH — the service's own and those inherited from the daemon — and
/// the password part of URLs never leave the daemon: they are shown as `***`.
public static partial class Secrets
{
    public const string Mask = "***";

    /// Shorter values are not replaced inside free text: masking every "1" or "on" would ruin the line
    /// and hide nothing (URL passwords and NAME=value pairs are masked whatever their length).
    public const int MinScrubLength = 4;

    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASS", "KEY", "CREDENTIAL", "CREDENTIALS", "AUTH");

    /// Command-line flags glue words together (`--requirepass`, `--masterauth`): a flag whose word ends
    /// with one of these is treated as secret too.
    private static readonly string[] FlagSuffixes = ["PASSWORD", "PASSWD", "PASS", "SECRET", "TOKEN", "AUTH"];

    /// `API_KEY`, `DB_PASSWORD`, `GITHUB_TOKEN`, `AUTH` are secret names; `GIT_AUTHOR_NAME`, `KEYBOARD` are not.
    public static bool IsSecretName(string name) => name.Split('_').Any(Words.Contains);

    /// The value as it may be shown: masked for a secret name, else with any URL password masked.
    public static string Redact(string name, string value) => IsSecretName(name) ? Mask : ScrubUrls(value);

    /// The secret values in an environment: the values of secret names, and the passwords inside URL values.
    /// Pass the service's environment merged over the daemon's (what the process really inherits).
    public static IReadOnlyList<string> ValuesOf(IEnumerable<KeyValuePair<string, string>> environment)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment)
        {
            if (IsSecretName(name) && value.Length > 0)
            {
                values.Add(value);
            }

            foreach (Match m in UrlPassword().Matches(value))
            {
                values.Add(m.Groups["pass"].Value);
            }
        }

        return [.. values.OrderByDescending(v => v.Length)];
    }

    /// Masks every given secret value in a line, then URL passwords and `SECRET_NAME=value` pairs.
    public static string Scrub(string line, IEnumerable<string> secretValues)
    {
        // Longest first, so a secret that contains a shorter one is masked whole.
        foreach (var v in secretValues.Where(v => v.Length >= MinScrubLength).OrderByDescending(v => v.Length))
        {
            line = line.Replace(v, Mask, StringComparison.Ordinal);
        }

        return ScrubAssignments(ScrubUrls(line));
    }

    /// `scheme://user:pass@host` → `scheme://user:***@host`.
    public static string ScrubUrls(string text) =>
        text.Contains("://", StringComparison.Ordinal)
            ? UrlPassword().Replace(text, m => m.Value[..(m.Groups["pass"].Index - m.Index)] + Mask + "@")
            : text;

    /// A process's argv as one line, with the values of secret flags (`--db-password X`, `--api-key=X`,
    /// `--requirepass X`), of `SECRET_NAME=value` words and of URL passwords masked, and the given values too.
    public static string ScrubCommandLine(IReadOnlyList<string> argv, IEnumerable<string> secretValues)
    {
        var shown = new List<string>(argv.Count);
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i];
            if (FlagName(arg) is { } flag && IsSecretFlag(flag))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    shown.Add(arg[..(eq + 1)] + Mask);
                }
                else
                {
                    shown.Add(arg);
                    if (i + 1 < argv.Count && FlagName(argv[i + 1]) is null)
                    {
                        shown.Add(Mask);
                        i++;
                    }
                }

                continue;
            }

            shown.Add(arg);
        }

        return Scrub(string.Join(' ', shown), secretValues);
    }

    private static string ScrubAssignments(string text) => text.Contains('=', StringComparison.Ordinal)
        ? Assignment().Replace(text, m => IsSecretName(m.Groups["name"].Value) ? m.Groups["name"].Value + "=" + Mask : m.Value)
        : text;

    private static string? FlagName(string arg) => arg.Length > 1 && arg[0] == '-' && !char.IsDigit(arg[1])
        ? arg.TrimStart('-').Split('=', 2)[0]
        : null;

    private static bool IsSecretFlag(string flag) => flag.Split('-', '_').Any(w =>
        Words.Contains(w) || FlagSuffixes.Any(s => w.EndsWith(s, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:(?<pass>[^\s@/]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<![\w-])(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>[^\s""']+|""[^""]*""|'[^']*')", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
