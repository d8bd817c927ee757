using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Layout;

namespace Aurora.Porting.Export.Systemd;

/// `aurora export systemd`: a `.service` per declared service (a template with instances for replicas), a
/// `.timer` per schedule and a `.target` that wants them all, for /etc/systemd/system or ~/.config/systemd/user.
public static class SystemdExporter
{
    public static ExportResult Export(AuroraConfig config, ExportOptions options)
    {
        var omissions = new OmissionList();
        CommonOmissions.Add(config, omissions);
        var ctx = new SystemdContext(config, new SystemdNames(ProjectName.Of(config.ProjectDirectory), config), options, omissions);
        var files = new List<ExportedFile>();
        var wanted = new List<string>();
        foreach (var s in config.Declared)
        {
            string unit;
            try
            {
                unit = SystemdServiceUnit.Render(s, ctx);
            }
            catch (ArgumentException e)
            {
                omissions.Add(s.Name, "the service", $"not exported: {e.Message}");
                continue;
            }

            files.Add(new ExportedFile(ctx.Names.File(s), unit));
            var timer = s.Schedule is { } schedule ? SystemdTimerUnit.Render(s, schedule, ctx) : null;
            if (timer is not null)
            {
                files.Add(new ExportedFile(ctx.Names.Timer(s), timer));
            }

            if (!ctx.IsWanted(s))
            {
                omissions.Add(s.Name, $"profiles: {string.Join(", ", s.Profiles)}",
                    $"not wanted by {ctx.Names.Target} (no --profile named one); start it with systemctl start {string.Join(' ', ctx.Names.Instances(s))}");
            }
            else if (s.Schedule is not null)
            {
                wanted.AddRange(timer is null ? [] : [ctx.Names.Timer(s)]);
            }
            else
            {
                wanted.AddRange(ctx.Names.Instances(s));
            }
        }

        files.Add(new ExportedFile(ctx.Names.Target, Target(config, ctx, wanted)));
        return new ExportResult([.. files], omissions.ToImmutable());
    }

    private static string Target(AuroraConfig config, SystemdContext ctx, List<string> wanted)
    {
        var lines = new List<string>
        {
            $"# Exported by `aurora export systemd` from {config.FilePath}: the whole stack.",
            "# `systemctl enable --now " + ctx.Names.Target + "` starts it now and at boot; stopping it stops every unit (PartOf=).",
            "[Unit]",
            $"Description={SystemdSyntax.Value($"{ctx.Names.Project}: the services of {config.ProjectDirectory}")}",
        };
        if (wanted.Count > 0)
        {
            lines.Add($"Wants={string.Join(' ', wanted)}");
        }

        // default.target exists for both the system and a user's manager.
        lines.AddRange(["", "[Install]", "WantedBy=default.target"]);
        return string.Join('\n', lines) + "\n";
    }
}
