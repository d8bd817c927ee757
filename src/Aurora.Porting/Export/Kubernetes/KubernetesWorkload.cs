using Aurora.Core.Config;
using Aurora.Porting.Yaml;

namespace Aurora.Porting.Export.Kubernetes;

/// The object that runs a unit: a CronJob for a schedule, a Job for a one-shot (restart: never), else a
/// Deployment (which restarts its container whatever the exit code). Null when the schedule has no cron form.
internal static class KubernetesWorkload
{
    public static YamlMapping? Render(ExportUnit unit, string image, ExportContext ctx, IReadOnlyDictionary<string, ExportUnit> exported)
    {
        var s = unit.Service;
        var name = KubernetesNames.Of(unit.Name);
        var labels = KubernetesNames.Labels(name, ctx.Project);
        var container = KubernetesContainer.Render(unit, name, image, ctx);
        var metadata = new YamlMapping().Add("name", name).Add("labels", labels);
        if (s.Schedule is { } schedule)
        {
            var (cron, why) = KubernetesSchedule.Of(schedule);
            if (cron is null)
            {
                ctx.Omissions.Add(unit.Declared, "the service", $"not exported: {why}");
                return null;
            }

            if (schedule.Every is not null)
            {
                ctx.Omissions.Add(unit.Declared, "schedule.every", $"becomes \"{cron}\": runs as often, on the clock rather than from the start");
            }

            var job = JobSpec(unit, container, labels, ctx, exported);
            var spec = new YamlMapping().Add("schedule", cron).Add("timeZone", schedule.TimeZone)
                .Add("concurrencyPolicy", schedule.AllowOverlap ? "Allow" : "Forbid")
                .Add("jobTemplate", new YamlMapping().Add("spec", job));
            return Object("batch/v1", "CronJob", metadata, spec);
        }

        if (s.Restart.Policy == RestartPolicyKind.Never)
        {
            return Object("batch/v1", "Job", metadata, JobSpec(unit, container, labels, ctx, exported));
        }

        if (s.Restart.Policy == RestartPolicyKind.OnFailure)
        {
            ctx.Omissions.Add(unit.Declared, "restart.policy: on-failure", "a Deployment restarts its container after any exit, a success too");
        }

        var deployment = new YamlMapping()
            .Add("replicas", unit.Replicas)
            .Add("selector", new YamlMapping().Add("matchLabels", labels))
            .Add("template", Template(labels, KubernetesContainer.PodSpec(unit, container, null, ctx, exported)));
        return Object("apps/v1", "Deployment", metadata, deployment);
    }

    /// Run once: no retry (Aurora's one-shots are not restarted), the pod kept for its logs.
    private static YamlMapping JobSpec(ExportUnit unit, YamlMapping container, YamlMapping labels, ExportContext ctx, IReadOnlyDictionary<string, ExportUnit> exported) =>
        new YamlMapping().Add("backoffLimit", 0L)
            .Add("template", Template(labels, KubernetesContainer.PodSpec(unit, container, "Never", ctx, exported)));

    private static YamlMapping Template(YamlMapping labels, YamlMapping podSpec) =>
        new YamlMapping().Add("metadata", new YamlMapping().Add("labels", labels)).Add("spec", podSpec);

    public static YamlMapping Object(string apiVersion, string kind, YamlMapping metadata, YamlMapping spec) =>
        new YamlMapping().Add("apiVersion", apiVersion).Add("kind", kind).Add("metadata", metadata).Add("spec", spec);
}
