using System.Text.Json;
using Aurora.Core.Events;
using Aurora.Core.Incidents;

namespace Aurora.Bench.Store;

/// A realistic mix of service events over 20 services, with an incident (and its evidence) every 500 events.
/// The JSON `data` objects are built up front so the run measures the store, not the event builder.
internal static class Workload
{
    private static readonly string[] Services = [.. Enumerable.Range(0, 20).Select(i => $"svc{i:00}")];

    private static readonly (string Cause, string Line)[] Failures =
    [
        ("port_conflict", "OSError: [Errno 98] Address already in use: 127.0.0.1:{0}"),
        ("missing_dependency", "ModuleNotFoundError: No module named 'pkg{0}'"),
        ("permission_denied", "PermissionError: [Errno 13] Permission denied: '/srv/app/run{0}.sh'"),
        ("out_of_memory", "MemoryError: cannot allocate {0} bytes"),
        ("dependency_unavailable", "redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:{0}. Connection refused."),
        ("disk_full", "OSError: [Errno 28] No space left on device: '/var/tmp/{0}'"),
    ];

    public static (string Type, string Service, JsonElement Data)[] Build(int variants)
    {
        var rng = new Random(42);
        var list = new (string, string, JsonElement)[variants];
        for (var i = 0; i < variants; i++)
        {
            var service = Services[rng.Next(Services.Length)];
            var pid = rng.Next(1000, 400_000);
            list[i] = (i % 5) switch
            {
                0 => (EventTypes.ServiceStarting, service, new EventData().Add("attempt", rng.Next(0, 5)).Add("restart", true).Build()),
                1 => (EventTypes.ServiceStarted, service, new EventData().Add("pid", pid).Build()),
                2 => (EventTypes.ServiceExited, service, new EventData().Add("pid", pid).Add("exit_code", rng.Next(0, 3) == 0 ? null : (int?)1)
                    .Add("signal", rng.Next(0, 3) == 0 ? "SIGKILL" : null).Add("uptime_ms", (long)rng.Next(10, 10_000_000)).Build()),
                3 => (EventTypes.ServiceBackoff, service, new EventData().Add("delay_ms", (long)rng.Next(10, 30_000)).Add("attempt", rng.Next(1, 6)).Build()),
                _ => (EventTypes.ServiceHealthy, service, new EventData().Add("pid", pid).Add("detail", "HTTP 200").Add("since_start_ms", rng.Next(10, 5000)).Build()),
            };
        }

        return list;
    }

    public static JsonElement Incident(long n, string service)
    {
        var (cause, line) = Failures[n % Failures.Length];
        var evidence = new[] { "Traceback (most recent call last):", string.Format(System.Globalization.CultureInfo.InvariantCulture, line, 5000 + n % 977) };
        var record = new IncidentRecord(IncidentIds.Format(n), service, cause, DateTimeOffset.UnixEpoch, null, [.. evidence],
            FailureSignature.Compute(evidence, cause), []);
        var trigger = new AuroraEvent(0, DateTimeOffset.UnixEpoch, EventTypes.ServiceExited, service, EventData.Empty);
        return IncidentData.Opened(record, trigger);
    }

    public static string ServiceOf(long i) => Services[i % Services.Length];
}
