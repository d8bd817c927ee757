using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Resources;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Metrics;

/// The per-service families, from the services' snapshots, the newest resource sample and the config. Every
/// series is labelled by `service` (an instance name, NAME-i for replicas) and `group` (the declared service a
/// replica belongs to, else the service itself): nothing else, so there are as many series as services.
internal static class ServiceFamilies
{
    private const string Service = "service";
    private const string Group = "group";

    private static readonly (string Wire, ServiceState State)[] States =
        [.. Enum.GetValues<ServiceState>().Select(s => (s.ToWire(), s))];

    private static readonly (string Wire, HealthStatus Health)[] Healths =
        [.. Enum.GetValues<HealthStatus>().Select(h => (h.ToString().ToLowerInvariant(), h))];

    /// `services` sorted by name; `limits` the memory limit of each configured service that has one.
    public static void Write(PrometheusText text, ServiceSnapshot[] services, IReadOnlyDictionary<string, long> limits, ResourceRing? ring, CpuTotals cpu)
    {
        text.Gauge("aurora_service_up", "1 while the service has a running process, else 0.");
        foreach (var s in services)
        {
            text.Sample(Service, s.Name, Group, GroupOf(s), s.Pid is null ? 0 : 1);
        }

        text.Gauge("aurora_service_state", "The service's state: 1 for the state it is in, 0 for the others (pending, starting, running, healthy, unhealthy, backoff, stopping, stopped, exited, failed, degraded).");
        foreach (var s in services)
        {
            foreach (var (wire, state) in States)
            {
                text.Sample(Service, s.Name, Group, GroupOf(s), "state", wire, s.State == state ? 1 : 0);
            }
        }

        text.Gauge("aurora_service_health", "The service's health check: 1 for its current result (healthy, unhealthy, or unknown: no check, or none finished yet), 0 for the others.");
        foreach (var s in services)
        {
            foreach (var (wire, health) in Healths)
            {
                text.Sample(Service, s.Name, Group, GroupOf(s), "health", wire, s.Health == health ? 1 : 0);
            }
        }

        text.Counter("aurora_service_restarts_total", "Restarts of the service (as aurora status counts them).");
        foreach (var s in services)
        {
            text.Sample(Service, s.Name, Group, GroupOf(s), s.Restarts);
        }

        text.Counter("aurora_service_cpu_seconds_total",
            "CPU time (user + system) used by the service's process tree, summed over its processes since the daemon started; absent while sampling is off.");
        foreach (var s in services)
        {
            if (cpu.Seconds(s.Name) is { } seconds)
            {
                text.Sample(Service, s.Name, Group, GroupOf(s), seconds);
            }
        }

        text.Gauge("aurora_service_memory_bytes",
            "Resident memory of the service's process tree at the newest sample; absent without a process or while sampling is off.");
        foreach (var s in services)
        {
            if (s.Pid is { } pid && ring?.Latest(s.Name) is { } sample && sample.Pid == pid)
            {
                text.Sample(Service, s.Name, Group, GroupOf(s), sample.MemoryBytes);
            }
        }

        text.Gauge("aurora_service_memory_limit_bytes", "The service's limits.memory; absent when it has none.");
        foreach (var s in services)
        {
            if (limits.TryGetValue(s.Name, out var limit))
            {
                text.Sample(Service, s.Name, Group, GroupOf(s), limit);
            }
        }

        text.Gauge("aurora_service_last_exit_code", "The exit code of the service's last exit; absent before one, and when a signal ended it.");
        foreach (var s in services)
        {
            if (s.LastExit?.ExitCode is { } code)
            {
                text.Sample(Service, s.Name, Group, GroupOf(s), code);
            }
        }

        text.Gauge("aurora_service_last_exit_signal", "The number of the signal that ended the service's last run (9 for SIGKILL); absent when it exited with a code.");
        foreach (var s in services)
        {
            if (s.LastExit?.Signal is { } signal)
            {
                text.Sample(Service, s.Name, Group, GroupOf(s), signal);
            }
        }
    }

    /// The memory limit of each service that has one, by instance name.
    public static Dictionary<string, long> Limits(AuroraConfig config)
    {
        var limits = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var s in config.Services)
        {
            if (s.Limits.MemoryBytes is { } bytes)
            {
                limits[s.Name] = bytes;
            }
        }

        return limits;
    }

    private static string GroupOf(ServiceSnapshot s) => s.Group ?? s.Name;
}
