using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Aurora.Porting.Import.Compose;

/// Published ports → the declared port list (the host side: what the service holds on this machine). A container
/// port that is not published, a UDP port, a port given by a variable and one already declared are listed.
internal static class ComposePorts
{
    private const int MaxRange = 100;

    public static void Read(ImportedService s, YamlNode? node, ImportContext ctx, HashSet<int> taken)
    {
        foreach (var item in (node as YamlSequenceNode)?.Children ?? [])
        {
            var (published, protocol, spelled) = item is YamlMappingNode
                ? (YamlTree.Text(item, "published"), YamlTree.Text(item, "protocol") ?? "tcp", $"target {YamlTree.Text(item, "target")}")
                : Short(YamlTree.Text(item) ?? "");
            if (published is null)
            {
                ctx.Skip(s.Name, $"ports {spelled}", "not published on the host (Docker picks a free port), so there is nothing to declare");
                continue;
            }

            if (protocol != "tcp")
            {
                ctx.Skip(s.Name, $"ports {spelled}", $"a {protocol} port; Aurora's declared ports are TCP");
                continue;
            }

            if (Range(published) is not { } range)
            {
                ctx.Skip(s.Name, $"ports {spelled}", $"the host port \"{published}\" is not a number (a variable?); Aurora's ports list takes numbers");
                continue;
            }

            foreach (var port in range)
            {
                if (taken.Add(port))
                {
                    s.Ports.Add(port);
                }
                else
                {
                    ctx.Skip(s.Name, $"ports {port}", "already declared by another service (on another host address?); a port belongs to one service in Aurora");
                }
            }
        }
    }

    /// `[HOST_IP:]HOST:CONTAINER[/PROTO]` or `CONTAINER[/PROTO]` → (host part or null, protocol, as written).
    private static (string? Published, string Protocol, string Spelled) Short(string text)
    {
        var slash = text.LastIndexOf('/');
        var protocol = slash < 0 ? "tcp" : text[(slash + 1)..];
        var spec = slash < 0 ? text : text[..slash];

        // An IPv6 host address is in brackets: [::1]:8080:80.
        var parts = spec.StartsWith('[') && spec.IndexOf(']', StringComparison.Ordinal) is var close and > 0
            ? spec[(close + 2)..].Split(':')
            : spec.Split(':');
        return (parts.Length >= 2 ? parts[^2] : null, protocol, text);
    }

    private static IEnumerable<int>? Range(string text)
    {
        var ends = text.Split('-');
        if (ends.Length > 2 || !ends.All(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535))
        {
            return null;
        }

        var first = int.Parse(ends[0], CultureInfo.InvariantCulture);
        var last = int.Parse(ends[^1], CultureInfo.InvariantCulture);
        return last >= first && last - first < MaxRange ? Enumerable.Range(first, last - first + 1) : null;
    }
}
