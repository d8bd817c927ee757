using System.Globalization;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Reads network endpoints out of error text, in the shapes real programs print them: "127.0.0.1:3000",
/// "[::1]:8080", ":::3000", "::1:5432", "*:6379", "localhost:6379", "redis://cache:6379", "port 6379",
/// "port: 3000", "127.0.0.1 port 8088" (curl), "\"127.0.0.1\", port 5432" (psql), and the arguments of a
/// traceback's source line (`create_connection(("localhost", 6379))`, `host="cache", port=6379`). Source positions
/// ("app.js:12:5", "Main.java:120") are not endpoints.
public static partial class Endpoints
{
    /// The TCP ports a line names (with or without a host).
    public static IEnumerable<int> Ports(string line)
    {
        foreach (Match m in HostAndPort().Matches(line))
        {
            if (!IsSourcePosition(m) && Port(m) is { } p)
            {
                yield return p;
            }
        }

        foreach (Match m in PortWord().Matches(line))
        {
            if (Port(m) is { } p)
            {
                yield return p;
            }
        }
    }

    /// The HOST:PORT endpoints a line names, formatted as "host:port" ("[::1]:5432" for IPv6).
    public static IEnumerable<string> HostPorts(string line)
    {
        foreach (Match m in HostAndPort().Matches(line))
        {
            if (!IsSourcePosition(m) && m.Groups["host"].Value is { Length: > 0 } host && host != "*" && Port(m) is { } p)
            {
                yield return Format(host, p);
            }
        }

        foreach (Match m in HostThenPortWord().Matches(line).Concat(SourceArguments().Matches(line)))
        {
            if (Port(m) is { } p)
            {
                yield return Format(m.Groups["host"].Value, p);
            }
        }
    }

    /// Node prints an error's fields on lines of their own (`address: '127.0.0.1',` then `port: 8088`).
    public static string? FromFields(IEnumerable<string> lines)
    {
        string? host = null;
        foreach (var line in lines)
        {
            if (AddressField().Match(line) is { Success: true } a)
            {
                host = a.Groups["host"].Value;
            }
            else if (host is not null && PortField().Match(line) is { Success: true } p && Port(p) is { } port)
            {
                return Format(host, port);
            }
        }

        return null;
    }

    public static int PortOf(string hostPort) =>
        int.Parse(hostPort[(hostPort.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Format(string host, int port)
    {
        host = host.Trim('[', ']');
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
    }

    private static int? Port(Match m) =>
        int.TryParse(m.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : null;

    /// "app.js:12:5" and "Main.java:120" are file positions, and "10:15:03" is a time of day.
    private static bool IsSourcePosition(Match m) =>
        m.Groups["next"].Success || SourceFile().IsMatch(m.Groups["host"].Value);

    [GeneratedRegex(@"(?<![\w.:\[\]-])(?:[a-z][a-z0-9+.-]*://(?:[^\s/@]*@)?)?(?<host>\[[0-9a-fA-F:.]+\]|(?:\d{1,3}\.){3}\d{1,3}|[0-9a-fA-F]{0,4}::[0-9a-fA-F:.]*?|\*|[a-zA-Z][a-zA-Z0-9-]*(?:\.[a-zA-Z0-9-]+)*)?:(?<port>\d{2,5})\b(?<next>[:.]\d)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex HostAndPort();

    [GeneratedRegex(@"\bport\b[""']?\s*[:=]?\s*(?<port>\d{2,5})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PortWord();

    [GeneratedRegex(@"(?<host>(?:\d{1,3}\.){3}\d{1,3}|localhost|\[?[0-9a-fA-F]{0,4}::[0-9a-fA-F:.]*\]?|[a-zA-Z][a-zA-Z0-9-]*(?:\.[a-zA-Z0-9-]+)+)[""']?,? port (?<port>\d{2,5})\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex HostThenPortWord();

    /// A traceback's source line: `create_connection(("localhost", 6379))`, `Redis(host="cache", port=6379)`.
    [GeneratedRegex(@"\(\s*[""'](?<host>[\w.:-]+)[""']\s*,\s*(?<port>\d{2,5})\s*\)|\bhost\s*=\s*[""'](?<host>[\w.:-]+)[""']\s*,\s*port\s*=\s*(?<port>\d{2,5})\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex SourceArguments();

    [GeneratedRegex(@"^\s*address: '(?<host>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex AddressField();

    [GeneratedRegex(@"^\s*port: (?<port>\d{1,5})\b", RegexOptions.CultureInvariant)]
    private static partial Regex PortField();

    [GeneratedRegex(@"\.(java|kt|scala|js|mjs|cjs|ts|py|rb|go|cs|fs|rs|c|cc|cpp|h|php|pl|ex|exs|erl|lua|sh)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SourceFile();
}
