using System.Text.Json;
using Aurora.Contracts.V1;
using Microsoft.Data.Sqlite;

namespace Aurora.IntegrationTests.Resources;

/// The daemon samples every service tree itself and publishes one `resource.sample` line per interval on the
/// live stream (no seq, never stored); status reads the newest sample.
public class ResourceSamplingTests
{
    // A shell whose two children each burn a core for a minute: the CPU is the tree's, not the shell's own (two,
    // so that the tree passes 50 % of a core even on a busy shared machine).
    private const string Burn = "import time\nprint('burning', flush=True)\nend = time.time() + 60\nwhile time.time() < end: pass\ntime.sleep(1000)\n";

    // Grows by 8 MB every 100 ms up to 160 MB, touching every page.
    private const string Grow = "import time\nblocks = []\nfor i in range(20):\n    blocks.append(b'x' * (8 << 20))\n    time.sleep(0.1)\nprint('grown', flush=True)\ntime.sleep(1000)\n";

    [Fact(Timeout = 90000)]
    public async Task A_busy_tree_shows_its_childrens_cpu_an_idle_one_none_and_a_growing_one_its_memory_growing()
    {
        await using var d = await SampledDaemon.StartAsync("""
            services:
              burner: { command: ["sh", "-c", "python3 burn.py & python3 burn.py & wait"] }
              grower: { command: ["python3", "grow.py"] }
              idle: { command: ["sleep", "1000"] }
            monitor: { sample_interval: 250ms }
            """, ("burn.py", Burn), ("grow.py", Grow));
        var stream = await d.ConnectAsync();

        var first = await stream.SampleAsync(s => SampleStream.Service(s, "grower") is not null);
        var startMemory = SampleStream.Service(first, "grower")!.Value.GetProperty("memory_bytes").GetInt64();
        // The burner's CPU is all in its two children (sh only waits), so a share above zero proves the tree is summed;
        // how large a share depends on how busy the machine is, which a test must not assume. The idle one shows none.
        await stream.SampleAsync(s => SampleStream.Service(s, "burner")?.GetProperty("cpu_percent").GetDouble() > 1.0
            && SampleStream.Service(s, "idle")?.GetProperty("cpu_percent").GetDouble() == 0.0, TimeSpan.FromSeconds(30));
        await stream.SampleAsync(s => SampleStream.Service(s, "grower")?.GetProperty("memory_bytes").GetInt64() > startMemory + (100 << 20),
            TimeSpan.FromSeconds(30));

        var sample = stream.Samples[^1];
        Assert.Equal("resource.sample", sample.GetProperty("type").GetString());
        Assert.Equal(250, sample.GetProperty("interval_ms").GetInt64());
        Assert.True(DateTimeOffset.TryParse(sample.GetProperty("time").GetString(), out _));
        var burner = SampleStream.Service(sample, "burner")!.Value;
        Assert.Equal(d.Daemon.Runtime.States.Get("burner")!.Pid, burner.GetProperty("pid").GetInt32());
        Assert.All(stream.Samples, s => Assert.False(s.TryGetProperty("seq", out _)));

        // Never stored as events.
        var stored = await d.Client.GetAsync("/api/v1/events?after=0&limit=10000", AuroraJsonContext.Default.EventListDto, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(stored.Events, e => e.Type == "resource.sample");
    }

    [Fact(Timeout = 60000)]
    public async Task A_stream_that_joins_later_gets_no_sample_older_than_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var d = await SampledDaemon.StartAsync("""
            services: { idle: { command: [sleep, "1000"] } }
            monitor: { sample_interval: 200ms }
            """);
        var feed = d.Daemon.Runtime.Resources.Feed;
        await feed.NewerThan(1).DefaultTimeout(); // two samples published before it joins
        var before = Time(JsonDocument.Parse(feed.Latest!.Utf8).RootElement);

        var late = await d.ConnectAsync();
        var first = await late.SampleAsync(_ => true);

        Assert.True(Time(first) > before, $"a sample of {Time(first):O} came to a stream that joined after {before:O}");
    }

    [Fact(Timeout = 60000)]
    public async Task A_stream_joined_with_samples_false_gets_none()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var d = await SampledDaemon.StartAsync("""
            services: { idle: { command: [sleep, "1000"] } }
            monitor: { sample_interval: 100ms }
            """);
        var quiet = await d.ConnectAsync("after=0&samples=false");
        var normal = await d.ConnectAsync();

        await normal.SampleAsync(_ => normal.Samples.Count >= 5);
        d.Daemon.Runtime.Events.Publish("test.marker", null);
        await quiet.EventAsync("test.marker");

        Assert.Empty(quiet.Samples);
        Assert.Contains("daemon.started", quiet.Events);
    }

    [Fact(Timeout = 60000)]
    public async Task Sampling_off_sends_no_samples_and_status_reads_memory_on_demand()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var d = await SampledDaemon.StartAsync("""
            services:
              idle: { command: [sleep, "1000"] }
              brief: { command: ["sh", "-c", "sleep 1.5"], restart: { policy: never } }
            monitor: { sample_interval: off }
            """);
        var stream = await d.ConnectAsync();

        // Well over an interval of the default 1 s passes before `brief` exits: not one sample on the way.
        await stream.EventAsync("service.exited", TimeSpan.FromSeconds(30));
        Assert.Empty(stream.Samples);

        var idle = (await d.Client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct)).Services.Single(s => s.Name == "idle");
        Assert.Null(idle.CpuPercent);
        Assert.True(idle.MemoryBytes > 0, $"memory {idle.MemoryBytes}");
        var resources = await d.Client.GetAsync("/api/v1/resources", AuroraJsonContext.Default.ResourcesDto, ct);
        Assert.Null(resources.IntervalMs);
        Assert.Empty(resources.Services);
    }

    [Fact(Timeout = 60000)]
    public async Task Status_and_the_resources_route_read_the_ring()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var d = await SampledDaemon.StartAsync("""
            services: { idle: { command: [sleep, "1000"] } }
            monitor: { sample_interval: 100ms }
            """);
        var stream = await d.ConnectAsync();
        await stream.SampleAsync(_ => stream.Samples.Count(s => SampleStream.Service(s, "idle") is not null) >= 3);

        var idle = (await d.Client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct)).Services.Single();
        Assert.NotNull(idle.CpuPercent);
        Assert.True(idle.MemoryBytes > 0);
        var detail = await d.Client.GetAsync("/api/v1/services/idle", AuroraJsonContext.Default.ServiceDetailDto, ct);
        Assert.NotNull(detail.Service.CpuPercent);

        using var raw = JsonDocument.Parse(await d.Client.GetRawAsync("/api/v1/resources?minutes=1", ct));
        Assert.Equal(100, raw.RootElement.GetProperty("interval_ms").GetInt64());
        var series = raw.RootElement.GetProperty("services").EnumerateArray().Single();
        Assert.Equal("idle", series.GetProperty("name").GetString());
        var samples = series.GetProperty("samples").EnumerateArray().ToList();
        Assert.True(samples.Count >= 3, $"{samples.Count} samples");
        Assert.All(samples, s => Assert.Equal(3, s.GetArrayLength()));
        var times = samples.Select(s => s[0].GetInt64()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(samples, s => Assert.True(s[2].GetInt64() > 0));

        var typed = await d.Client.GetAsync("/api/v1/resources?minutes=9", AuroraJsonContext.Default.ResourcesDto, ct);
        Assert.True(typed.Services.Single().Samples.Count >= samples.Count);
    }

    [Fact(Timeout = 60000)]
    public async Task The_minute_in_progress_is_in_the_store_after_the_daemon_stops()
    {
        await using var d = await SampledDaemon.StartAsync("""
            services: { idle: { command: [sleep, "1000"] } }
            monitor: { sample_interval: 100ms }
            """);
        var stream = await d.ConnectAsync();
        await stream.SampleAsync(s => SampleStream.Service(s, "idle") is not null);

        await d.Daemon.DisposeAsync();

        using var c = new SqliteConnection($"Data Source={d.Project.Paths.StateDb};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT service, mem_min, mem_max FROM resource_minutes";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read(), "no minute was written");
        Assert.Equal("idle", r.GetString(0));
        Assert.True(r.GetInt64(1) > 0 && r.GetInt64(2) >= r.GetInt64(1));
    }

    private static DateTimeOffset Time(JsonElement sample) => DateTimeOffset.Parse(sample.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
