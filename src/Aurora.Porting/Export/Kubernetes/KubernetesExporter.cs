using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Kubernetes;

/// `aurora export kubernetes`: one multi-document kubernetes.yaml with, per unit that has an image, its workload
/// (Deployment, Job or CronJob) and a Service for its declared ports. Secret values are never written: the header
/// says which Secrets to create.
public static class KubernetesExporter
{
    public const string FileName = "kubernetes.yaml";

    public static ExportResult Export(AuroraConfig config, ExportOptions options)
    {
        var ctx = new ExportContext(config, options, new OmissionList());
        CommonOmissions.Add(config, ctx.Omissions);
        var units = ExportPlan.Units(config).Where(u => Selected(u, ctx) && ctx.Image(u, "kubernetes") is not null).ToList();
        var exported = units.ToDictionary(u => u.Name);
        var documents = new List<string>();
        foreach (var unit in units)
        {
            if (KubernetesWorkload.Render(unit, ctx.Image(unit, "kubernetes")!, ctx, exported) is not { } workload)
            {
                continue;
            }

            ContainerOmissions.Add(unit, ctx.Omissions);
            documents.Add(YamlEmitter.Document(workload));
            if (!unit.Service.Ports.IsEmpty)
            {
                documents.Add(YamlEmitter.Document(Service(unit, ctx)));
            }
        }

        var header = YamlEmitter.Document(new YamlMapping(), Header(config, ctx, units)).Replace("{}\n", "", StringComparison.Ordinal);
        var text = header + (documents.Count == 0 ? "" : YamlEmitter.Documents(documents));
        return new ExportResult([new ExportedFile(FileName, text)], ctx.Omissions.ToImmutable());
    }

    private static bool Selected(ExportUnit unit, ExportContext ctx)
    {
        if (ctx.IsSelected(unit.Service))
        {
            return true;
        }

        ctx.Omissions.Add(unit.Declared, $"profiles: {string.Join(", ", unit.Service.Profiles)}", "not exported: no --profile named one of them");
        return false;
    }

    private static YamlMapping Service(ExportUnit unit, ExportContext ctx)
    {
        var name = KubernetesNames.Of(unit.Name);
        var ports = new YamlList(unit.Service.Ports.Select(p => new YamlMapping()
            .Add("name", $"port-{p}").Add("port", (long)p).Add("targetPort", (long)p)));
        var spec = new YamlMapping().Add("selector", KubernetesNames.Labels(name, ctx.Project)).Add("ports", ports);
        return KubernetesWorkload.Object("v1", "Service", new YamlMapping().Add("name", name).Add("labels", KubernetesNames.Labels(name, ctx.Project)), spec);
    }

    private static List<string> Header(AuroraConfig config, ExportContext ctx, List<ExportUnit> units)
    {
        var lines = new List<string>
        {
            $"Exported by `aurora export kubernetes` from {config.FilePath}. Apply with: kubectl apply -f {FileName}",
            "Services reach each other by Service name here (as db:6390), not at 127.0.0.1: each pod has its own.",
        };
        var secrets = units.SelectMany(u => ServiceEnvironment.Of(u.Service).SecretNames.Select(n => KubernetesNames.SecretKey(u.Declared, n))).Distinct().ToList();
        if (secrets.Count > 0 || units.Any(u => u.Service.EnvFile is not null))
        {
            lines.Add("Secret values and env files are not written. Create these Secrets first:");
        }

        if (secrets.Count > 0)
        {
            lines.Add($"  kubectl create secret generic {KubernetesNames.SecretName(ctx.Project)} "
                + string.Join(' ', secrets.Select(k => $"--from-literal={k}=...")));
        }

        foreach (var declared in units.Where(u => u.Service.EnvFile is not null).Select(u => u.Declared).Distinct())
        {
            var file = units.First(u => u.Declared == declared).Service.EnvFile;
            lines.Add($"  kubectl create secret generic {KubernetesNames.EnvFileSecret(declared)} --from-env-file={file}");
        }

        return lines;
    }
}
