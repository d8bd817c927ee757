using System.Collections.Immutable;

namespace Aurora.Core.Config.Reading;

/// `watch: { paths: ["src/**/*.py"], ignore: ["**/__pycache__/**"], debounce: 500ms, cascade: false }` (SPEC §3).
internal static class WatchReader
{
    public static readonly string[] Keys = ["paths", "ignore", "debounce", "cascade"];

    public static WatchConfig? Read(YamlMap service)
    {
        if (service.Map("watch", Keys) is not { } map)
        {
            return null;
        }

        var paths = Globs(map, "paths");
        if (paths.IsEmpty)
        {
            map.Bag.Error(service.Get("watch")!.Start, service.PathOf("watch"), "has no paths; list what to watch, e.g. paths: [\"src/**/*.py\"]");
            return null;
        }

        return new WatchConfig(paths, Globs(map, "ignore"), map.Duration("debounce", TimeSpan.FromMilliseconds(500), TimeSpan.Zero, TimeSpan.FromMinutes(10)),
            map.Bool("cascade", false));
    }

    private static ImmutableArray<string> Globs(YamlMap map, string key)
    {
        var globs = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in map.List(key) ?? [])
        {
            if (ScalarReader.Text(node, path, map.Bag, "a path or glob relative to the project") is not { } glob)
            {
                continue;
            }

            if (Path.IsPathRooted(glob) || glob.Split('/').Contains(".."))
            {
                map.Bag.Error(node.Start, path, $"{YamlNodes.Quote(glob)} leaves the project; watch paths are relative to the project directory");
                continue;
            }

            globs.Add(glob);
        }

        return globs.ToImmutable();
    }
}
