using System.Globalization;
using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Kubernetes;

/// A unit's container: the argv as `command` (it replaces the image's entrypoint, so it runs exactly as under
/// Aurora), env (secret-named values as secretKeyRef to the project's Secret, env_file as a Secret of its own via
/// envFrom), ports, resource limits and probes.
internal static class KubernetesContainer
{
    public static YamlMapping Render(ExportUnit unit, string name, string image, ExportContext ctx)
    {
        var s = unit.Service;
        var container = new YamlMapping().Add("name", name).Add("image", image)
            .Add("command", YamlNode.Texts(s.Command))
            .Add("workingDir", ctx.WorkingDirectory(s));
        var env = ServiceEnvironment.Of(s);
        var list = new YamlList();
        foreach (var (key, value) in env.Plain.Where(kv => !(unit.SharedReplicas && kv.Key == Replicas.EnvironmentVariable)))
        {
            list.Add(new YamlMapping().Add("name", key).Add("value", value));
        }

        foreach (var key in env.SecretNames)
        {
            var secretKey = KubernetesNames.SecretKey(unit.Declared, key);
            list.Add(new YamlMapping().Add("name", key).Add("valueFrom", new YamlMapping().Add("secretKeyRef",
                new YamlMapping().Add("name", KubernetesNames.SecretName(ctx.Project)).Add("key", secretKey))));
            ctx.Omissions.Add(unit.Declared, $"env {key}", $"secret-named: read from the Secret {KubernetesNames.SecretName(ctx.Project)}, key {secretKey}, which you create (the value is not written)");
        }

        container.AddNonEmpty("env", list);
        if (env.EnvFile is { } file)
        {
            var secret = KubernetesNames.EnvFileSecret(unit.Declared);
            container.Add("envFrom", new YamlList().Add(new YamlMapping().Add("secretRef", new YamlMapping().Add("name", secret))));
            ctx.Omissions.Add(unit.Declared, "env_file", $"read from the Secret {secret}, which you create: kubectl create secret generic {secret} --from-env-file={file}");
        }

        container.AddNonEmpty("ports", new YamlList(s.Ports.Select(p => new YamlMapping().Add("containerPort", (long)p))));
        container.AddNonEmpty("resources", Resources(s, unit.Declared, ctx.Omissions));
        KubernetesProbes.Add(container, s, ctx.Omissions);
        return container;
    }

    /// The pod's spec: the init containers that wait for dependencies, the container, the stop grace period.
    public static YamlMapping PodSpec(ExportUnit unit, YamlMapping container, string? restartPolicy, ExportContext ctx, IReadOnlyDictionary<string, ExportUnit> exported)
    {
        var spec = new YamlMapping().Add("restartPolicy", restartPolicy);
        spec.Add("terminationGracePeriodSeconds", (long)Math.Ceiling(unit.Service.Stop.Timeout.TotalSeconds));
        spec.AddNonEmpty("initContainers", KubernetesWaits.Render(unit, ctx, exported));
        spec.Add("containers", new YamlList().Add(container));
        if (unit.Service.Stop.SignalName != "SIGTERM")
        {
            ctx.Omissions.Add(unit.Declared, "stop.signal", $"the kubelet stops a container with SIGTERM (or the image's STOPSIGNAL), not {unit.Service.Stop.SignalName}");
        }

        return spec;
    }

    private static YamlMapping Resources(ServiceConfig s, string declared, OmissionList omissions)
    {
        var limits = new YamlMapping();
        if (s.Limits.MemoryBytes is { } memory)
        {
            limits.Add("memory", memory % (1L << 20) == 0 ? $"{memory >> 20}Mi" : memory.ToString(CultureInfo.InvariantCulture));
        }

        if (s.Limits.CpuPercent is { } cpu)
        {
            limits.Add("cpu", $"{Math.Max(1, (long)Math.Round(cpu * 10))}m");
        }

        if (s.Limits.Pids is not null)
        {
            omissions.Add(declared, "limits.pids", "a pod's process limit is the kubelet's setting (podPidsLimit), not the manifest's");
        }

        return limits.Count > 0 ? new YamlMapping().Add("limits", limits) : new YamlMapping();
    }
}
