using System.Globalization;

namespace Aurora.Core.Config.Reading;

/// "host:port", with IPv6 hosts in brackets ("[::1]:7070"); the brackets are dropped.
internal static class HostPort
{
    public static bool TryParse(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) ||
            port is < 1 or > 65535)
        {
            return false;
        }

        host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':'))
        {
            return false;
        }

        return host.Length > 0 && !host.Any(char.IsWhiteSpace);
    }
}
