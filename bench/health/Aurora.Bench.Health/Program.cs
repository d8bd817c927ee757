using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Processes;

// The daemon's health-check path alone: N tcp checks every interval through HealthScheduler and
// HealthProbeFactory (as ScheduledHealthChecks builds them), each result fed to a HealthTracker as the
// supervisor does. The ports are served by another process (bench/health/run.py starts a port farm), so
// only the probing side's CPU is counted here.
var ports = Arg("--ports", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
var services = int.Parse(Arg("--services", "200"));
var interval = TimeSpan.FromMilliseconds(int.Parse(Arg("--interval-ms", "1000")));
var settle = TimeSpan.FromSeconds(int.Parse(Arg("--settle", "5")));
var window = TimeSpan.FromSeconds(int.Parse(Arg("--seconds", "30")));
// --inbox: hand each result to a per-service loop through a channel, as ServiceSupervisor does (its
// HealthObserved command), instead of observing it on the checking thread.
var inbox = Environment.GetCommandLineArgs().Contains("--inbox");
var spread = TimeSpan.FromMilliseconds(int.Parse(Arg("--spread-ms", interval.TotalMilliseconds.ToString("0"))));
if (ports.Length == 0)
{
    Console.Error.WriteLine("usage: --ports p1,p2,... [--services 200] [--interval-ms 1000] [--spread-ms INTERVAL] [--inbox] [--settle 5] [--seconds 30]");
    return 2;
}

var time = TimeProvider.System;
var env = ImmutableDictionary<string, string>.Empty;
long healthy = 0, unhealthy = 0;
string? lastFailure = null;
await using var scheduler = new HealthScheduler(time);
var handles = new List<IDisposable>();
for (var i = 0; i < services; i++)
{
    var cfg = new HealthCheckConfig(HealthCheckKind.Tcp, $"127.0.0.1:{ports[i % ports.Length]}", ImmutableArray<string>.Empty,
        interval, TimeSpan.FromSeconds(2), 3, TimeSpan.Zero);
    var probe = HealthProbeFactory.Create(cfg, "/", env, NoLauncher.Instance, time);
    var tracker = new HealthTracker(cfg, time.GetUtcNow());
    var gate = new Lock();
    void Observe(HealthResult r)
    {
        lock (gate)
        {
            tracker.Observe(r, time.GetUtcNow());
        }

        if (r.Healthy)
        {
            Interlocked.Increment(ref healthy);
        }
        else
        {
            Interlocked.Increment(ref unhealthy);
            lastFailure = r.Detail;
        }
    }

    Action<HealthResult> onResult = Observe;
    if (inbox)
    {
        var channel = Channel.CreateUnbounded<HealthResult>(new UnboundedChannelOptions { SingleReader = true });
        _ = Task.Run(async () =>
        {
            await foreach (var r in channel.Reader.ReadAllAsync())
            {
                Observe(r);
            }
        });
        onResult = r => channel.Writer.TryWrite(r);
    }

    handles.Add(scheduler.Schedule(cfg, probe, onResult));

    // Services come up at scattered times: spread the first checks evenly (over one interval by default).
    if (spread > TimeSpan.Zero)
    {
        await Task.Delay(spread / services, time);
    }
}

await Task.Delay(settle, time);
var me = Process.GetCurrentProcess();
me.Refresh();
var cpu0 = me.TotalProcessorTime;
var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
var gc0 = GC.CollectionCount(0);
var ok0 = Interlocked.Read(ref healthy);
var bad0 = Interlocked.Read(ref unhealthy);
var start = time.GetTimestamp();
await Task.Delay(window, time);
me.Refresh();
var cpu = me.TotalProcessorTime - cpu0;
var elapsed = time.GetElapsedTime(start);
var checks = Interlocked.Read(ref healthy) - ok0 + Interlocked.Read(ref unhealthy) - bad0;
var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
Console.WriteLine($"services={services} interval={interval.TotalMilliseconds}ms spread={spread.TotalMilliseconds}ms inbox={inbox} window={elapsed.TotalSeconds:0.0}s " +
    $"aot={!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported}");
Console.WriteLine($"cpu={100 * cpu.TotalSeconds / elapsed.TotalSeconds:0.000}% of one core " +
    $"({cpu.TotalMicroseconds / Math.Max(1, checks):0.0} us/check)");
Console.WriteLine($"checks={checks} ({checks / elapsed.TotalSeconds:0.0}/s) unhealthy={Interlocked.Read(ref unhealthy) - bad0}" +
    (lastFailure is null ? "" : $" last failure: {lastFailure}"));
Console.WriteLine($"alloc={alloc / Math.Max(1, checks)} B/check gen0={GC.CollectionCount(0) - gc0} threads={me.Threads.Count}");
foreach (var handle in handles)
{
    handle.Dispose();
}

return 0;

static string Arg(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

/// tcp checks never start processes.
internal sealed class NoLauncher : IProcessLauncher
{
    public static readonly NoLauncher Instance = new();

    public IRunningProcess Start(ProcessSpec spec) => throw new NotSupportedException();
}
