using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Doctor.Install;

/// pnpm-lock.yaml, lockfile versions 5.x, 6.0 and 9.0: the root importer's direct dependencies (name, resolved
/// version) and every package of the store (`packages:` keys `/name/1.0.0_peer` in 5.x, `/name@1.0.0(peer)` in 6,
/// `name@1.0.0` in 9).
internal static class PnpmLock
{
    private static readonly string[] Sections = ["dependencies", "devDependencies", "optionalDependencies"];

    public sealed record Contents(IReadOnlyList<(string Name, string Version)> Direct, IReadOnlyList<(string Name, string Version)> Packages);

    public static Contents? Read(string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlException)
        {
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var v5 = Scalar(root, "lockfileVersion") is { } lockfileVersion && lockfileVersion.StartsWith('5');
        var importer = Child(Child(root, "importers"), ".") ?? root;
        var direct = new List<(string, string)>();
        foreach (var section in Sections)
        {
            foreach (var (key, value) in Child(importer, section)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                var version = value is YamlMappingNode m ? Scalar(m, "version") : (value as YamlScalarNode)?.Value;
                if (key is YamlScalarNode { Value: { } name } && version is not null && !version.StartsWith("link:", StringComparison.Ordinal))
                {
                    direct.Add((name, StripPeers(version)));
                }
            }
        }

        var packages = (Child(root, "packages")?.Children.Keys ?? Enumerable.Empty<YamlNode>()).OfType<YamlScalarNode>()
            .Select(k => Split(k.Value ?? "", v5)).OfType<(string, string)>().ToList();
        return new Contents(direct, packages);
    }

    /// `1.2.3(react@18.2.0)` (6+) or `1.2.3_react@18.2.0` (5.x) → `1.2.3`.
    private static string StripPeers(string version)
    {
        var cut = version.IndexOfAny(['(', '_']);
        return cut < 0 ? version : version[..cut];
    }

    private static (string, string)? Split(string key, bool v5)
    {
        var body = key.TrimStart('/');
        var at = v5 ? -1 : body.LastIndexOf('@');
        if (!v5 && body.IndexOf('(') is var paren and >= 0)
        {
            at = body[..paren].LastIndexOf('@');
        }

        if (at > 0)
        {
            return (body[..at], StripPeers(body[(at + 1)..]));
        }

        var slash = body.LastIndexOf('/');
        return slash > 0 ? (body[..slash], StripPeers(body[(slash + 1)..])) : null;
    }

    private static YamlMappingNode? Child(YamlMappingNode? map, string key) =>
        map?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var v } && v == key).Value as YamlMappingNode;

    private static string? Scalar(YamlMappingNode map, string key) =>
        (map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var v } && v == key).Value as YamlScalarNode)?.Value;
}
