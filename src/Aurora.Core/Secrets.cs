namespace Aurora.Core;

/// SPEC §7: values of env vars whose names contain TOKEN, SECRET, PASSWORD or KEY never leave the daemon.
public static class Secrets
{
    public const string Mask = "***";

    private static readonly string[] Markers = ["TOKEN", "SECRET", "PASSWORD", "KEY"];

    public static bool IsSecretName(string name) =>
        Markers.Any(m => name.Contains(m, StringComparison.OrdinalIgnoreCase));

    public static string Redact(string name, string value) => IsSecretName(name) ? Mask : value;

    /// Replaces every occurrence of the given secret values in a line (for log evidence and messages).
    public static string Scrub(string line, IEnumerable<string> secretValues)
    {
        foreach (var v in secretValues)
        {
            if (v.Length >= 4)
            {
                line = line.Replace(v, Mask, StringComparison.Ordinal);
            }
        }

        return line;
    }
}
