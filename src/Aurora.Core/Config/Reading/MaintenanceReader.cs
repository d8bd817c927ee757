using System.Collections.Immutable;

namespace Aurora.Core.Config.Reading;

/// `maintenance: { temp: [{ path, older_than }], disk: { path, min_free } }`; paths become absolute.
internal static class MaintenanceReader
{
    public static readonly string[] Keys = ["temp", "disk"];

    private static readonly string[] TempKeys = ["path", "older_than"];

    private static readonly string[] DiskKeys = ["path", "min_free"];

    private static readonly TimeSpan DefaultOlderThan = TimeSpan.FromDays(1);

    private const long DefaultMinFree = 1L << 30;

    public static MaintenanceConfig Read(YamlMap root, ReadContext ctx)
    {
        if (root.Map("maintenance", Keys) is not { } map)
        {
            return MaintenanceConfig.Default;
        }

        var temp = ImmutableArray.CreateBuilder<TempRule>();
        foreach (var (node, path) in map.List("temp") ?? [])
        {
            if (YamlMap.Open(node, path, ctx.Bag, TempKeys) is not { } rule)
            {
                ctx.Bag.Error(node.Start, path, "is empty; give at least path, e.g. { path: ./tmp, older_than: 1d }");
                continue;
            }

            var olderThan = rule.Duration("older_than", DefaultOlderThan, TimeSpan.Zero, TimeSpan.MaxValue);
            if (RequiredPath(rule, ctx) is not { } dir)
            {
                continue;
            }

            // Cleanup deletes old files: only where it cannot reach the project's sources wholesale, Aurora's
            // state, or (through a link) anything outside. Checked again before each cleanup.
            if (ProjectBounds.Refusal(ProjectBounds.RealRoot(ctx.ProjectDirectory), dir, "temp cleanup") is { } refusal)
            {
                ctx.Bag.Error(rule.Get("path")!.Start, rule.PathOf("path"), $"{YamlNodes.Quote(rule.String("path")!)} {refusal}");
                continue;
            }

            temp.Add(new TempRule(dir, olderThan));
        }

        DiskRule? disk = null;
        if (map.Map("disk", DiskKeys) is { } diskMap)
        {
            var dir = diskMap.Has("path") ? RequiredPath(diskMap, ctx) : ctx.ProjectDirectory;
            disk = new DiskRule(dir ?? ctx.ProjectDirectory, diskMap.Size("min_free", DefaultMinFree, 0, long.MaxValue));
        }

        return new MaintenanceConfig(temp.ToImmutable(), disk);
    }

    private static string? RequiredPath(YamlMap map, ReadContext ctx)
    {
        var text = map.String("path");
        if (text is { Length: > 0 })
        {
            return Path.GetFullPath(Path.Combine(ctx.ProjectDirectory, text));
        }

        // A non-string value was already reported; a missing or empty one is reported here.
        if (text is not null || map.Get("path") is null)
        {
            ctx.Bag.Error(map.KeyNode("path")?.Start ?? map.Node.Start, map.PathOf("path"),
                "needs a directory, relative to the project directory, e.g. path: ./tmp");
        }

        return null;
    }
}
