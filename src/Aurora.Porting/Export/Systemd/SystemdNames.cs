using Aurora.Core.Config;

namespace Aurora.Porting.Export.Systemd;

/// Unit names of one project: `PROJECT-NAME.service` (a template `PROJECT-NAME@.service` with instances
/// `PROJECT-NAME@1.service`… for replicas), `PROJECT-NAME.timer` for a schedule, `PROJECT.target` for the whole.
internal sealed class SystemdNames(string project, AuroraConfig config)
{
    public string Project { get; } = project;

    public string Target => $"{Project}.target";

    public static bool IsTemplate(ServiceConfig s) => s.Replicas is not null;

    /// The file a declared service is written to.
    public string File(ServiceConfig s) => IsTemplate(s) ? $"{Project}-{s.Name}@.service" : $"{Project}-{s.Name}.service";

    public string Timer(ServiceConfig s) => $"{Project}-{s.Name}.timer";

    /// The units a declared service runs as: itself, or each of its instances.
    public IEnumerable<string> Instances(ServiceConfig s) => IsTemplate(s)
        ? Enumerable.Range(1, s.Replicas!.Value).Select(i => $"{Project}-{s.Name}@{i}.service")
        : [File(s)];

    public IEnumerable<string> InstancesOf(string declared) =>
        config.Declared.FirstOrDefault(d => d.Name == declared) is { } s ? Instances(s) : [];
}
