using System.Globalization;
using Aurora.Bench.Store;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.Store;

// dotnet run -c Release --project bench/store/Aurora.Bench.Store -- --events 1000000 [--queries 200] [--db PATH]
var events = Arg("--events", 1_000_000);
var rounds = Arg("--queries", 200);
var dir = Path.Combine(Path.GetTempPath(), "aurora-bench-" + Guid.NewGuid().ToString("N")[..8]);
var db = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault() ?? Path.Combine(dir, "state.db");
var clock = new SteppingClock(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(2));
var store = new SqliteEventStore(db, new StoreConfig(long.MaxValue / 2, TimeSpan.FromDays(36_500)), clock);
var log = new EventLog(store, clock);
Console.WriteLine($"store: {db}, SQLite WAL, synchronous=NORMAL, group commit (max {SqliteEventStore.MaxBatchSize} per transaction)");

// 1. Sustained ingest: publish as fast as one producer can; the clock stops when the last event is committed.
var workload = Workload.Build(4096);
var cpuBefore = Environment.CpuUsage.TotalTime;
var start = TimeProvider.System.GetTimestamp();
for (var i = 0L; i < events; i++)
{
    if (i % 500 == 499)
    {
        var service = Workload.ServiceOf(i);
        log.Publish(EventTypes.IncidentOpened, service, Workload.Incident(long.Parse(store.NextIncidentId()[4..], CultureInfo.InvariantCulture), service));
        continue;
    }

    var (type, svc, data) = workload[i % workload.Length];
    log.Publish(type, svc, data);
}

await log.FlushAsync(CancellationToken.None);
var took = TimeProvider.System.GetElapsedTime(start);
var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ingest: {events:N0} events committed in {took.TotalSeconds:0.00} s = {events / took.TotalSeconds:N0} events/s sustained"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ingest CPU: {cpu.TotalSeconds:0.00} s (producer + writer) = {cpu.TotalMicroseconds / events:0.0} µs per event; machine load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores"));

// 2. Commit latency of a lone event on an idle store (publish → committed).
var lone = new List<double>();
for (var i = 0; i < 200; i++)
{
    var t = TimeProvider.System.GetTimestamp();
    log.Publish(EventTypes.ServiceStarted, "svc00", workload[1].Data);
    await log.FlushAsync(CancellationToken.None);
    lone.Add(TimeProvider.System.GetElapsedTime(t).TotalMilliseconds);
}

Console.WriteLine($"idle commit latency: {Percentiles.Format(lone)}");

// 3. History queries over everything stored.
var now = clock.GetUtcNow();
HistoryQuery[] queries =
[
    new("port conflict"),
    new("address already in use"),
    new("exited SIGKILL"),
    new("module"),
    new("exited", Service: "svc07"),
    new(null, Cause: "disk_full"),
    new(null),
    new("connection refused", Since: now - TimeSpan.FromDays(1)),
    new("healthy", Service: "svc03", Since: now - TimeSpan.FromHours(6)),
    new("connection refused"),
    new(null, Since: now - TimeSpan.FromDays(1)),
    new("healthy", Service: "svc03"),
    new("healthy", Since: now - TimeSpan.FromHours(6)),
];
foreach (var q in queries)
{
    await store.QueryAsync(q, CancellationToken.None); // warm up statements and pages
}

var all = new List<double>();
Console.WriteLine($"history queries over {events:N0} stored events ({rounds} rounds of {queries.Length} queries):");
foreach (var q in queries)
{
    var times = new List<double>();
    var found = await store.QueryAsync(q, CancellationToken.None);
    for (var r = 0; r < rounds; r++)
    {
        var t = TimeProvider.System.GetTimestamp();
        await store.QueryAsync(q, CancellationToken.None);
        times.Add(TimeProvider.System.GetElapsedTime(t).TotalMilliseconds);
    }

    all.AddRange(times);
    var label = $"q={q.Text ?? "-"} service={q.Service ?? "-"} cause={q.Cause ?? "-"} since={(q.Since is null ? "-" : "yes")}";
    Console.WriteLine($"  {label,-62} {found.Incidents.Count,3} inc {found.Events.Count,3} ev  {Percentiles.Format(times)}");
}

Console.WriteLine($"all queries: {Percentiles.Format(all)}");
Console.WriteLine($"state.db size: {new FileInfo(db).Length / 1048576.0:0.0} MiB (+ WAL {(File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length / 1048576.0 : 0):0.0} MiB)");
await log.DisposeAsync();
if (Directory.Exists(dir))
{
    Directory.Delete(dir, recursive: true);
}

int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
