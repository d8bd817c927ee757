using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Forecasting;
using Aurora.Core.Healing;

namespace Aurora.Daemon.Forecasting;

/// `maintenance.disk`: every Period, the free space of its path (statvfs) is forecast toward `min_free`; when it
/// is under `min_free`, or predicted to fall under it within `monitor.predict_horizon`, the disk maintenance runs
/// (DiskCleanup: compress rotated logs, clean `maintenance.temp`, prune fix backups) and says so in
/// `maintenance.done` {reason: below_min_free|predicted, bytes_freed, steps, …} — at most once per Cooldown.
/// Without `maintenance.disk` nothing is watched. Its own loop: a cleanup never holds up the sampler.
public sealed class DiskWatch : IAsyncDisposable
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    private readonly Func<AuroraConfig> _config;
    private readonly EventLog _events;
    private readonly Func<AuroraConfig, DiskCleanup> _cleanup;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _checking = new();
    private DateTimeOffset? _lastRun;
    private Task _loop = Task.CompletedTask;

    public DiskWatch(Func<AuroraConfig> config, EventLog events, Forecaster forecaster, Func<AuroraConfig, DiskCleanup> cleanup,
        TimeProvider time, TimeSpan? period = null)
    {
        _config = config;
        _events = events;
        Forecaster = forecaster;
        _cleanup = cleanup;
        _time = time;
        Period = period ?? DefaultPeriod;
    }

    public Forecaster Forecaster { get; }

    public TimeSpan Period { get; }

    public void Start()
    {
        var timer = new PeriodicTimer(Period, _time);
        _loop = Task.Run(() => RunAsync(timer, _stop.Token));
    }

    private async Task RunAsync(PeriodicTimer timer, CancellationToken ct)
    {
        using var owned = timer;
        try
        {
            do
            {
                try
                {
                    Check();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UnsafePathException)
                {
                    Console.Error.WriteLine($"aurora: disk maintenance: {ex.Message}");
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// One look at the disk: forecast, and maintenance when it is due (one look at a time).
    public void Check()
    {
        lock (_checking)
        {
            CheckAlone();
        }
    }

    private void CheckAlone()
    {
        var config = _config();
        if (config.Maintenance.Disk is not { } disk)
        {
            PredictionEvents.Publish(_events, Forecaster.Sweep(ForecastResource.Disk, _ => false, "limit_removed"));
            return;
        }

        if (FreeSpace.Of(disk.Path) is not { } space)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var horizon = config.Monitor.PredictHorizon;
        if (Forecaster.Observe(ForecastKey.Disk, now, space.Available, disk.MinFreeBytes, 1, ForecastOptions.For(horizon, Period)) is { } change)
        {
            PredictionEvents.Publish(_events, change);
        }

        var predicted = Forecaster.AllActive().Any(f => f.Key == ForecastKey.Disk && f.EtaAt(now) <= horizon.TotalSeconds);
        var reason = space.Available < disk.MinFreeBytes ? "below_min_free" : predicted ? "predicted" : null;
        if (reason is null || (_lastRun is { } last && now - last < Cooldown))
        {
            return;
        }

        _lastRun = now;
        var result = _cleanup(config).Run(config.ProjectDirectory);
        var after = FreeSpace.Of(disk.Path)?.Available;
        var data = new EventData().Add("reason", reason).Add("bytes_freed", result.BytesFreed).Add("steps", result.Steps)
            .Add("compressed", result.Compressed).Add("removed", result.Removed).Add("pruned", result.Pruned)
            .Add("free_before", space.Available).Add("free_after", after).Add("min_free", disk.MinFreeBytes).Add("path", disk.Path);
        if (result.Failed.Count + result.Refused.Count > 0)
        {
            data.Add("problems", result.Failed.Concat(result.Refused));
        }

        _events.Publish(EventTypes.MaintenanceDone, null, data.Build());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
