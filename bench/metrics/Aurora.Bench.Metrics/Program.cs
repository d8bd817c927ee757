using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;
using Aurora.Core.Resources;
using Aurora.Core.Supervision;
using Aurora.Daemon.Metrics;

// What one GET /metrics costs the daemon at N services: the exposition built from in-memory state (fake snapshots,
// one tick of samples in the ring, CPU totals, a config with a memory limit on every service), timed with a
// Stopwatch over many scrapes, with the bytes allocated per scrape. The peer in the same run: serialising the same
// snapshots as the JSON every service.* event carries, once each. Not a test, not in the solution.
var services = Arg("--services", 1000);
var scrapes = Arg("--scrapes", 300);

var dir = Directory.CreateTempSubdirectory("aurora-bench-metrics-").FullName;
try
{
    var yaml = new StringBuilder("version: 1\nservices:\n");
    for (var i = 0; i < services; i++)
    {
        yaml.Append(CultureInfo.InvariantCulture, $"  svc-{i:D4}: {{ command: [\"sleep\", \"1000\"], limits: {{ memory: 256MiB }} }}\n");
    }

    var configPath = Path.Combine(dir, "aurora.yaml");
    File.WriteAllText(configPath, yaml.ToString());
    var config = ConfigLoader.Load(configPath, _ => true).Config ?? throw new InvalidOperationException("the generated config does not load");
    File.WriteAllBytes(Path.Combine(dir, "state.db"), new byte[4096]);

    var now = TimeProvider.System.GetUtcNow();
    var snapshots = ImmutableDictionary.CreateBuilder<string, ServiceSnapshot>(StringComparer.Ordinal);
    var ring = new ResourceRing(TimeSpan.FromSeconds(1));
    var cpu = new CpuTotals();
    var samples = new List<ServiceSample>(services);
    for (var i = 0; i < services; i++)
    {
        var name = $"svc-{i:D4}";
        var pid = 10_000 + i;
        snapshots[name] = new ServiceSnapshot(name, i % 10 == 0 ? ServiceState.Backoff : ServiceState.Healthy, i, i % 10 == 0 ? null : pid,
            pid * 10L, now, Restarts: i % 7, Health: HealthStatus.Healthy, LastExit: new ExitStatus(i % 3 == 0 ? null : 1, i % 3 == 0 ? 9 : null));
        samples.Add(new ServiceSample(name, pid, 0.4, 31_457_280 + i));
        cpu.Add(name, pid, pid * 10L, 12_345 + i);
    }

    ring.Append(now, samples);
    var all = snapshots.ToImmutable();
    var counters = new EventCounters();
    counters.Observe(new AuroraEvent(1, now, EventTypes.FixVerified, "svc-0001", new EventData().Add("fix", "run_install").Build()));
    var metrics = new DaemonMetrics(new MetricsSources(() => all.Values, () => config, () => ring, cpu, () => [], counters,
        () => 12_345, new StreamClients(), Path.Combine(dir, "state.db"), now));

    var text = new StringBuilder();
    for (var i = 0; i < 20; i++)
    {
        text.Clear();
        metrics.Write(text);
    }

    var scrape = Measure(scrapes, () =>
    {
        text.Clear();
        metrics.Write(text);
    });
    var bytes = Encoding.UTF8.GetByteCount(text.ToString());
    var lines = text.ToString().Count(c => c == '\n');
    var peer = Measure(scrapes, () =>
    {
        foreach (var s in all.Values)
        {
            SnapshotJson.Write(s);
        }
    });

    Console.WriteLine($"services {services}, scrapes {scrapes}; exposition {bytes / 1024.0:F0} KiB, {lines} lines");
    Console.WriteLine($"scrape:          median {scrape.Median:F2} ms, p90 {scrape.P90:F2} ms, {scrape.AllocatedPerRun / 1024.0:F0} KiB allocated per scrape");
    Console.WriteLine($"peer (snapshots as JSON once each): median {peer.Median:F2} ms, p90 {peer.P90:F2} ms, {peer.AllocatedPerRun / 1024.0:F0} KiB allocated");
    Console.WriteLine($"scrape / peer (median): {scrape.Median / peer.Median:F2}");
}
finally
{
    Directory.Delete(dir, recursive: true);
}

static (double Median, double P90, long AllocatedPerRun) Measure(int runs, Action run)
{
    var times = new double[runs];
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        run();
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    Array.Sort(times);
    return (times[runs / 2], times[runs * 9 / 10], allocated / runs);
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
