using System.Collections.Immutable;
using Aurora.Core.Config.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Reads the whole document: version, services (in file order), then the top-level sections.
internal static class RootReader
{
    public static readonly string[] Keys =
        ["version", "services", "healing", "monitor", "maintenance", "dashboard", "metrics", "notify", "store", "doctor"];

    public static AuroraConfig? Read(YamlNode node, string filePath, ReadContext ctx)
    {
        if (YamlMap.Open(node, "", ctx.Bag, Keys) is not { } root)
        {
            return null;
        }

        if (root.Get("version") is { } version && ScalarReader.Text(version, "version", ctx.Bag) is { } v && v != "1")
        {
            ctx.Bag.Error(version.Start, "version", $"{YamlNodes.Quote(v)} is not supported; use version: 1");
        }

        var services = ReadServices(root, ctx);
        ConfigValidator.Validate(services, ctx.Bag, ctx.ActiveProfiles);
        var declared = services.Select(s => s.Config).ToImmutableArray();
        var dashboard = DashboardReader.Read(root);
        return new AuroraConfig(
            filePath,
            ctx.ProjectDirectory,
            Replicas.Expand(declared),
            SettingsReader.Healing(root),
            SettingsReader.Monitor(root),
            MaintenanceReader.Read(root, ctx),
            dashboard,
            NotifyReader.Read(root),
            SettingsReader.Store(root))
        { Doctor = DoctorReader.Read(root, ctx), Metrics = MetricsReader.Read(root, dashboard), Declared = declared, ActiveProfiles = ctx.ActiveProfiles };
    }

    private static ImmutableArray<ParsedService> ReadServices(YamlMap root, ReadContext ctx)
    {
        const string example = "e.g. services: { api: { command: \"python3 app.py\" } }";
        if (!root.Has("services"))
        {
            ctx.Bag.Error(new Mark(0, 1, 1), "services", $"required key is missing; list the services to run, {example}");
            return [];
        }

        var map = root.Map("services", null);
        if (map is null || map.Entries.Count == 0)
        {
            if (map is not null || root.Get("services") is null)
            {
                ctx.Bag.Error(root.KeyNode("services")!.Start, "services", $"has no services; add at least one, {example}");
            }

            return [];
        }

        return [.. map.Entries.Select(e => ServiceReader.Read(e.Key, e.Value, ctx))];
    }
}
