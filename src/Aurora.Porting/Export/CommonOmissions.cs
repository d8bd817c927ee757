using Aurora.Core.Config;

namespace Aurora.Porting.Export;

/// What no exported format runs: Aurora's own features, and per-service keys that only Aurora acts on.
public static class CommonOmissions
{
    public static void Add(AuroraConfig config, OmissionList list)
    {
        list.Add("", "diagnosis, fixes, failure memory, forecasts, insights",
            "Aurora's own; they do not run in the exported stack (run it under `aurora up` to keep them)");
        if (!config.Notify.IsEmpty)
        {
            list.Add("", "notify", "webhooks are sent by Aurora's daemon; the exported stack sends none");
        }

        if (!config.Maintenance.Temp.IsEmpty || config.Maintenance.Disk is not null)
        {
            list.Add("", "maintenance", "temp cleaning and the free-disk guard are Aurora's daemon's");
        }

        if (config.Dashboard is not null)
        {
            list.Add("", "dashboard", "the dashboard is Aurora's daemon's");
        }

        foreach (var s in config.Declared)
        {
            Service(s, list);
        }
    }

    private static void Service(ServiceConfig s, OmissionList list)
    {
        if (s.Watch is not null)
        {
            list.Add(s.Name, "watch", "a file watch that restarts the service on change runs under Aurora only");
        }

        if (!s.Fixes.IsEmpty)
        {
            list.Add(s.Name, "fixes", "remediations run under Aurora's diagnosis only");
        }

        if (!s.Install.IsEmpty)
        {
            list.Add(s.Name, "install", "used by Aurora's fixes and doctor; install dependencies when building the host or image");
        }

        if (s.Ready?.LogPattern is { } pattern)
        {
            list.Add(s.Name, "ready.log", $"readiness from a line of output (\"{pattern}\") cannot be expressed; the service counts as ready once started");
        }

        if (s.Limits.CpuPercent is not null && s.Limits.OnCpu == CpuAction.Restart)
        {
            list.Add(s.Name, "limits.on_cpu: restart", "the CPU limit becomes a quota that throttles; nothing restarts a service for its CPU use");
        }

        if (s.Logs != LogConfig.Default)
        {
            list.Add(s.Name, "logs", "rotation belongs to the target (journald, the container runtime), not to max_size/keep");
        }
    }
}
