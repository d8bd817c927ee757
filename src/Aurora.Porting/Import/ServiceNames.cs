using System.Text;

namespace Aurora.Porting.Import;

/// Gives each source name a valid, unique Aurora service name (lowercase letters, digits, - and _, starting with a
/// letter or digit): `_process2` → `process2`, `Web.API` → `web-api`; a clash gets `-2`, `-3`.
public sealed class ServiceNames
{
    private readonly Dictionary<string, string> bySource = new(StringComparer.Ordinal);

    public string Add(string sourceName)
    {
        var name = Clean(sourceName);
        var unique = name;
        for (var i = 2; bySource.ContainsValue(unique); i++)
        {
            unique = $"{name}-{i}";
        }

        bySource[sourceName] = unique;
        return unique;
    }

    /// The Aurora name given to a source name, or null when that service was never added.
    public string? Find(string sourceName) => bySource.GetValueOrDefault(sourceName);

    private static string Clean(string sourceName)
    {
        var sb = new StringBuilder();
        foreach (var c in sourceName.ToLowerInvariant())
        {
            sb.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' ? c : '-');
        }

        var name = sb.ToString().TrimStart('-', '_');
        return name.Length == 0 ? "service" : name;
    }
}
