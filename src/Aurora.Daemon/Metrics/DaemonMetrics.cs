using System.Text;
using Aurora.Core.Config;
using Aurora.Core.Supervision;
using Aurora.Daemon.Api;

namespace Aurora.Daemon.Metrics;

/// Builds the whole exposition of GET /metrics: the services, what the event stream counted, and the daemon
/// itself. From memory only: the services' snapshots are copied once and sorted, each family is one pass over
/// them written straight into the StringBuilder (no LINQ per sample), and the memory limits are looked up in a
/// dictionary built once per config (a reload replaces the config whole).
internal sealed class DaemonMetrics(MetricsSources sources)
{
    private volatile LimitCache? _limits;

    public void Write(StringBuilder output)
    {
        var text = new PrometheusText(output);
        var services = sources.Services().ToArray();
        Array.Sort(services, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        ServiceFamilies.Write(text, services, LimitsOf(sources.Config()), sources.Ring(), sources.Cpu);
        WriteIncidents(text);
        sources.Counters.WriteTo(text);
        WriteDaemon(text, services.Length);
    }

    private Dictionary<string, long> LimitsOf(AuroraConfig config)
    {
        if (_limits is { } cached && ReferenceEquals(cached.Config, config))
        {
            return cached.Limits;
        }

        var limits = ServiceFamilies.Limits(config);
        _limits = new LimitCache(config, limits);
        return limits;
    }

    private sealed record LimitCache(AuroraConfig Config, Dictionary<string, long> Limits);

    private void WriteIncidents(PrometheusText text)
    {
        var byCause = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var incident in sources.OpenIncidents())
        {
            var cause = EventCounters.Bounded(incident.Cause) ?? "other";
            byCause[cause] = byCause.GetValueOrDefault(cause) + 1;
        }

        text.Gauge("aurora_incidents_open", "Incidents open now, by their cause so far.");
        foreach (var (cause, n) in byCause)
        {
            text.Sample("cause", cause, n);
        }
    }

    private void WriteDaemon(PrometheusText text, int services)
    {
        text.Gauge("aurora_build_info", "The daemon's version, as a label; always 1.");
        text.Sample("version", ApiRoutes.Version, 1);

        text.Gauge("aurora_services", "Services (instances, replicas counted one by one) the daemon supervises.");
        text.Sample(services);

        text.Gauge("process_resident_memory_bytes", "Resident memory of the daemon process.");
        text.Sample(ResidentBytes());

        text.Counter("process_cpu_seconds_total", "CPU time (user + system) of the daemon process.");
        text.Sample(Environment.CpuUsage.TotalTime.TotalSeconds);

        text.Gauge("process_start_time_seconds", "When the daemon started, in seconds since the Unix epoch.");
        text.Sample(sources.StartedAt.ToUnixTimeMilliseconds() / 1000.0);

        text.Gauge("aurora_event_store_bytes", "Size of the event store on disk (.aurora/state.db and its write-ahead log).");
        text.Sample(FileBytes(sources.StorePath) + FileBytes(sources.StorePath + "-wal"));

        text.Counter("aurora_events_total", "Events committed to the store since the daemon started (rate() gives events per second).");
        text.Sample(sources.EventsSinceStart());

        text.Gauge("aurora_stream_clients", "Clients following the event stream (GET /api/v1/events/stream) now.");
        text.Sample(sources.StreamClients.Count);
    }

    private static long FileBytes(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }

    /// RSS from /proc/self/statm (resident pages, the second field): one small read, no Process object.
    private static long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return Environment.WorkingSet;
        }
    }
}
