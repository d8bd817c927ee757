using Aurora.Core.Config;

namespace Aurora.Porting.Export;

/// What a container platform (compose, Kubernetes) does not carry of a service, beyond what no format does.
internal static class ContainerOmissions
{
    public static void Add(ExportUnit unit, OmissionList omissions)
    {
        var s = unit.Service;
        var name = unit.Declared;
        if (unit.SharedReplicas && s.Environment.ContainsKey(Replicas.EnvironmentVariable) is false)
        {
            omissions.Add(name, "replicas", $"{unit.Replicas} identical replicas: AURORA_REPLICA is not set in them");
        }

        if (s.Umask is not null)
        {
            omissions.Add(name, "umask", "set it in the image or the command; containers take no umask setting");
        }

        if (s.Ready is { Notify: true })
        {
            omissions.Add(name, "ready.notify", "there is no NOTIFY_SOCKET in a container: READY=1 and watchdog pings go nowhere");
        }

        if (s.Restart.Policy != RestartPolicyKind.Never && (s.Restart.Limit != RestartLimit.Default || s.Restart.Backoff != BackoffOptions.Default))
        {
            omissions.Add(name, "restart.backoff, restart.limit", "the runtime's own back-off applies, and it never stops restarting");
        }

        if (!s.SuccessExitCodes.SequenceEqual([0]))
        {
            omissions.Add(name, "success_exit_codes", "only exit code 0 is a success");
        }

        if (s.Limits.CpuPercent is not null)
        {
            omissions.Add(name, "limits.for", "the CPU limit throttles the container; nothing watches for limits.for and warns");
        }
    }
}
