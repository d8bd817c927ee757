using Aurora.Core.Config;

namespace Aurora.Core.Doctor.Ports;

/// Each declared port is free, or held by this service's own instance (AURORA_TAG = projectId/service). A port
/// held by a process Aurora did not start for this project is blocking, and its holder is named: pid and command
/// line, with secrets masked. Another service of this project holding it only warns: `aurora up` stops leftovers.
internal sealed class PortsCheck : IDoctorCheck
{
    public string Id => DoctorChecks.Ports;

    public bool Cheap => true;

    public IEnumerable<DoctorFinding> Run(AuroraConfig config, IReadOnlyList<ServiceConfig> services, DoctorContext context)
    {
        var secrets = context.SecretValues(config);
        foreach (var service in services)
        {
            foreach (var port in service.Ports)
            {
                yield return Check(service, port, context, secrets);
            }
        }
    }

    private DoctorFinding Check(ServiceConfig service, int port, DoctorContext context, IReadOnlyList<string> secrets)
    {
        if (context.Ports.Holder(port) is not { } holder)
        {
            return DoctorFinding.Ok(service.Name, Id, $"port {port} is free");
        }

        if (holder.Owner is not { } owner)
        {
            return DoctorFinding.Blocking(service.Name, Id,
                $"port {port} is in use by a process Aurora cannot see (another user's?)",
                $"find it with `ss -ltnp 'sport = :{port}'` (as root), stop it, or change services.{service.Name}.ports");
        }

        var who = $"pid {owner.Pid} ({Command(owner.CommandLine, secrets)})";
        var ownTag = $"{context.ProjectId}/{service.Name}";
        if (owner.Tag == ownTag)
        {
            return DoctorFinding.Ok(service.Name, Id, $"port {port} is held by {service.Name} itself, {who}");
        }

        if (owner.Tag is { } tag && tag.StartsWith(context.ProjectId + "/", StringComparison.Ordinal))
        {
            return DoctorFinding.Warning(service.Name, Id,
                $"port {port} is held by {who}, this project's service {tag[(context.ProjectId.Length + 1)..]}",
                $"give each service its own port; `aurora up` stops a leftover of this project before it starts");
        }

        return DoctorFinding.Blocking(service.Name, Id, $"port {port} is held by {who}, a process Aurora did not start for this project",
            $"stop it (kill {owner.Pid}) or change services.{service.Name}.ports");
    }

    /// The holder's argv as one line, secrets masked (the values of secret-named variables, and what Secrets.Scrub
    /// knows to mask in a line).
    private static string Command(IReadOnlyList<string> argv, IReadOnlyList<string> secrets) =>
        Secrets.Scrub(string.Join(' ', argv), secrets);
}
