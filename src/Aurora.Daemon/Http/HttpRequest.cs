using System.Globalization;
using System.Text;

namespace Aurora.Daemon.Http;

/// One parsed request head. Header names are matched case-insensitively; a repeated header keeps every
/// value, comma-joined (RFC 9110 §5.3). The path is kept raw (still percent-encoded) for routing, which
/// decodes segment by segment so an encoded '/' inside a name never splits it.
internal sealed class HttpRequest
{
    private readonly Dictionary<string, string> _headers;
    private Dictionary<string, string>? _query;

    private HttpRequest(string method, string rawPath, string rawQuery, bool http10, Dictionary<string, string> headers)
    {
        Method = method;
        RawPath = rawPath;
        RawQuery = rawQuery;
        IsHttp10 = http10;
        _headers = headers;
    }

    public string Method { get; }

    public string RawPath { get; }

    public string RawQuery { get; }

    public bool IsHttp10 { get; }

    /// The body as sent (de-chunked), at most BodyReader.MaxBodyBytes; empty when there is none.
    public ReadOnlyMemory<byte> Body { get; internal set; } = ReadOnlyMemory<byte>.Empty;

    public bool IsGetOrHead => Method is "GET" or "HEAD";

    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// A query parameter, decoded ('+' is a space, as browsers' URLSearchParams sends it); the first wins.
    public string? Query(string name)
    {
        _query ??= ParseQuery(RawQuery);
        return _query.GetValueOrDefault(name);
    }

    public int? QueryInt(string name) => QueryValue<int>(name, "a whole number");

    public long? QueryLong(string name) => QueryValue<long>(name, "a whole number");

    public bool? QueryBool(string name) => QueryValue<bool>(name, "true or false");

    /// Null when absent or empty; a 400 `bad_parameter` naming it when it does not parse.
    private T? QueryValue<T>(string name, string expected)
        where T : struct, IParsable<T> =>
        Query(name) is { Length: > 0 } v
            ? T.TryParse(v, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw BadParameter(name, v, expected)
            : null;

    public bool HeaderHasToken(string name, string token) =>
        Header(name) is { } value && value.Split(',').Any(v => v.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));

    public bool IsWebSocketUpgrade =>
        Method == "GET" && HeaderHasToken("Upgrade", "websocket") && HeaderHasToken("Connection", "upgrade");

    public const int MaxHeadBytes = 32 * 1024;
    private const int MaxHeaders = 100;

    /// Parses a request head: the request line and header lines, without the blank line that ends them.
    /// Anything a proxy could read two ways is refused: control characters (a bare CR, NUL) in the
    /// request line or a header, header names that are not tokens, a space before the colon.
    public static HttpRequest Parse(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head);
        var lines = text.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[0].All(char.IsAsciiLetterUpper) || !parts[1].StartsWith('/')
            || !parts[1].All(IsTargetChar))
        {
            throw Malformed("malformed request line");
        }

        var http10 = parts[2] switch
        {
            "HTTP/1.1" => false,
            "HTTP/1.0" => true,
            _ => throw new HttpProtocolException(505, "http_version_not_supported", $"{parts[2]} is not supported; use HTTP/1.1"),
        };

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var line in lines.AsSpan(1))
        {
            if (++count > MaxHeaders)
            {
                throw Malformed("too many headers");
            }

            var colon = line.IndexOf(':');
            if (colon <= 0 || !line[..colon].All(IsTokenChar))
            {
                throw Malformed("malformed header line");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(' ', '\t');
            if (!value.All(IsValueChar))
            {
                throw Malformed($"the {name} header holds a control character");
            }

            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var target = parts[1];
        var q = target.IndexOf('?');
        return new HttpRequest(parts[0], q < 0 ? target : target[..q], q < 0 ? "" : target[(q + 1)..], http10, headers);
    }

    private static HttpProtocolException Malformed(string message) => new(400, "bad_request", message);

    // RFC 9110 §5.6.2 tchar.
    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);

    // RFC 9110 §5.5 field-vchar, SP and HTAB; obs-text (0x80-0xFF) is allowed, CR, LF, NUL and other controls are not.
    private static bool IsValueChar(char c) => c is '\t' or (>= ' ' and not (char)0x7F);

    // A request-target is printable ASCII (a browser percent-encodes everything else).
    private static bool IsTargetChar(char c) => c is > ' ' and < (char)0x7F;

    private static HttpProtocolException BadParameter(string name, string value, string expected) =>
        new(400, "bad_parameter", $"query parameter {name}=\"{value}\" must be {expected}");

    private static Dictionary<string, string> ParseQuery(string raw)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            query.TryAdd(key, eq < 0 ? "" : Decode(pair[(eq + 1)..]));
        }

        return query;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
