using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Forecasting;

/// Issue 15, forecasts: real leaking processes sampled by a real daemon get a `prediction` with a sane ETA, shown
/// in status and GET /api/v1/predictions, and a `prediction.resolved` when they stop.
public class ForecastTests
{
    private const double MiB = 1 << 20;

    // 2 MiB every 100 ms, each page touched, up to 300 MiB (under the 400 MiB limit: never killed), then holds.
    private const string Leak = """
        import time
        blocks = []
        print('leaking', flush=True)
        while len(blocks) < 150:
            blocks.append(bytearray(2 << 20))
            time.sleep(0.1)
        time.sleep(1000)
        """;

    // 10 more open files a second, up to 400, under a soft limit of 512 set before exec.
    private const string Files = """
        import time
        held = []
        print('opening', flush=True)
        while len(held) < 400:
            held.append(open('/dev/null'))
            if len(held) % 10 == 0:
                time.sleep(1)
        time.sleep(1000)
        """;

    [Fact(Timeout = 90000)]
    public async Task A_leaking_service_gets_a_prediction_with_a_sane_eta_then_a_resolution_when_stopped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              leaker: { command: ["python3", "leak.py"], limits: { memory: 400MiB } }
              steady: { command: ["sleep", "1000"], limits: { memory: 400MiB } }
            monitor: { sample_interval: 100ms, predict_horizon: 30s }
            """);
        project.WriteFile("leak.py", Leak);
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths);

        var prediction = await daemon.WaitForEvent(e => e.Type == EventTypes.Prediction, TimeSpan.FromSeconds(40));

        Assert.Equal("leaker", prediction.Service);
        var data = prediction.Data;
        Assert.Equal("memory", data.GetProperty("resource").GetString());
        Assert.Equal(400 * MiB, data.GetProperty("limit").GetInt64());
        Assert.Equal(daemon.Runtime.States.Get("leaker")!.Pid, data.GetProperty("pid").GetInt32());
        var current = data.GetProperty("current").GetInt64();
        var eta = data.GetProperty("eta_seconds").GetDouble();
        var real = ((400 * MiB) - current) / (20 * MiB); // at the leak's own rate
        Assert.InRange(eta, real * 0.5, real * 1.5);
        Assert.InRange(data.GetProperty("confidence").GetDouble(), 0.6, 1.0);

        var list = await client.GetAsync("/api/v1/services", AuroraJsonContext.Default.ServiceListDto, ct);
        Assert.Equal("memory", list.Services.Single(s => s.Name == "leaker").Prediction?.Resource);
        Assert.Null(list.Services.Single(s => s.Name == "steady").Prediction);
        var predictions = await client.GetAsync("/api/v1/predictions", AuroraJsonContext.Default.PredictionListDto, ct);
        Assert.Equal("leaker", Assert.Single(predictions.Predictions).Service);
        var status = await project.Cli(ct, "status");
        Assert.Contains("leaker: memory reaches 400MiB in ~", status.Output);

        var before = daemon.Runtime.Events.LastCommittedSeq;
        await project.Cli(ct, "stop", "leaker");
        var resolved = await daemon.WaitForEventAfter(before, e => e.Type == EventTypes.PredictionResolved);
        Assert.Equal("leaker", resolved.Service);
        Assert.Equal("memory", resolved.Data.GetProperty("resource").GetString());
        Assert.Equal("stopped", resolved.Data.GetProperty("reason").GetString());
        Assert.Null((await client.GetAsync("/api/v1/services/leaker", AuroraJsonContext.Default.ServiceDetailDto, ct)).Service.Prediction);
    }

    [Fact(Timeout = 90000)]
    public async Task A_service_opening_files_toward_its_rlimit_gets_a_prediction_and_a_restart_resolves_it()
    {
        await using var project = TestProject.Create("""
            services:
              opener: { command: ["sh", "-c", "ulimit -n 512 && exec python3 files.py"] }
            monitor: { sample_interval: 100ms, predict_horizon: 60s }
            """);
        project.WriteFile("files.py", Files);
        await using var daemon = await project.StartDaemonAsync();

        var prediction = await daemon.WaitForEvent(e => e.Type == EventTypes.Prediction && e.Service == "opener", TimeSpan.FromSeconds(60));

        Assert.Equal("fds", prediction.Data.GetProperty("resource").GetString());
        Assert.Equal(512, prediction.Data.GetProperty("limit").GetInt64());
        var current = prediction.Data.GetProperty("current").GetInt64();
        var real = (512.0 - current) / 10; // ten a second
        Assert.InRange(prediction.Data.GetProperty("eta_seconds").GetDouble(), real * 0.5, real * 1.5);

        var before = daemon.Runtime.Events.LastCommittedSeq;
        await project.Cli(TestContext.Current.CancellationToken, "restart", "opener");
        var resolved = await daemon.WaitForEventAfter(before, e => e.Type == EventTypes.PredictionResolved && e.Service == "opener");
        Assert.Contains(resolved.Data.GetProperty("reason").GetString(), new[] { "restarted", "stopped" });
    }

    [Fact(Timeout = 60000)]
    public async Task Free_space_under_min_free_runs_the_disk_maintenance_once()
    {
        await using var project = TestProject.Create("""
            services: { idle: { command: ["sleep", "1000"] } }
            maintenance:
              temp: [{ path: ./tmp, older_than: 1h }]
              disk: { path: ., min_free: 900000GiB }
            """);
        var tmp = Directory.CreateDirectory(Path.Combine(project.Dir, "tmp")).FullName;
        var old = Path.Combine(tmp, "old.bin");
        File.WriteAllBytes(old, new byte[1 << 20]);
        File.SetLastWriteTimeUtc(old, DateTime.UnixEpoch.AddYears(50));
        var fresh = Path.Combine(tmp, "fresh.bin");
        File.WriteAllBytes(fresh, new byte[1000]);
        Directory.CreateDirectory(project.Paths.Logs);
        var rotated = Path.Combine(project.Paths.Logs, "idle.log.1");
        File.WriteAllText(rotated, string.Concat(Enumerable.Repeat("the same line, again and again\n", 20_000)));

        await using var daemon = await project.StartDaemonAsync();
        var done = await daemon.WaitForEvent(e => e.Type == EventTypes.MaintenanceDone);

        var data = done.Data;
        Assert.Null(done.Service);
        Assert.Equal("below_min_free", data.GetProperty("reason").GetString());
        Assert.True(data.GetProperty("bytes_freed").GetInt64() > (1 << 20), data.GetRawText());
        Assert.Equal(1, data.GetProperty("removed").GetInt32());
        Assert.Equal(1, data.GetProperty("compressed").GetInt32());
        Assert.Equal(["compress_rotated_logs", "clean_temp", "prune_backups"], data.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.False(File.Exists(rotated));
        Assert.True(File.Exists(rotated + ".gz"));

        // Not again before the cooldown, though the disk is still "full": ten more checks say nothing.
        var after = daemon.Runtime.Events.LastCommittedSeq;
        for (var i = 0; i < 10; i++)
        {
            daemon.Runtime.Forecasts.Disk.Check();
        }

        await daemon.Runtime.Events.FlushAsync(TestContext.Current.CancellationToken);
        var later = await daemon.Runtime.Events.Store.ReadAfterAsync(after, 1000, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(later, e => e.Type == EventTypes.MaintenanceDone);
    }
}
