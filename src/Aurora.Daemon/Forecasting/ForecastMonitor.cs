using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Forecasting;
using Aurora.Core.Resources;

namespace Aurora.Daemon.Forecasting;

/// The daemon's forecasts (issue 15), fed by the sampler's ticks: every service with `limits.memory` has its
/// tree's memory forecast toward it, every service its main process's open files toward its RLIMIT_NOFILE (read
/// at most once per FdPeriod: at 100 ms sampling, every tenth tick), and the DiskWatch forecasts free space.
/// Changes go out as `prediction` / `prediction.resolved` events; status reads Active.
public sealed class ForecastMonitor : IAsyncDisposable
{
    /// How often open files are counted (the sampler's interval when that is longer).
    public static readonly TimeSpan FdPeriod = TimeSpan.FromSeconds(1);

    private readonly Func<AuroraConfig> _config;
    private readonly EventLog _events;
    private readonly OpenFiles _files = new();
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private long _ticks;

    public ForecastMonitor(Func<AuroraConfig> config, EventLog events, DiskWatch disk)
    {
        _config = config;
        _events = events;
        Disk = disk;
    }

    public Forecaster Forecaster => Disk.Forecaster;

    public DiskWatch Disk { get; }

    public void Start() => Disk.Start();

    /// The service's active prediction that breaches first (memory or open files), or null.
    public Forecast? Active(string service) => Forecaster.Active(service);

    /// One sampler tick (on the sampler's loop; the samples are valid only during the call).
    public void OnTick(ResourceTick tick)
    {
        var config = _config();
        var horizon = config.Monitor.PredictHorizon;
        var memory = ForecastOptions.For(horizon, tick.Interval);
        _present.Clear();
        foreach (var s in tick.Services)
        {
            if (config.Find(s.Name)?.Limits.MemoryBytes is { } limit)
            {
                _present.Add(s.Name);
                Publish(Forecaster.Observe(new ForecastKey(s.Name, ForecastResource.Memory), tick.Time, s.MemoryBytes, limit, s.Pid, memory));
            }
        }

        PredictionEvents.Publish(_events, Forecaster.Sweep(ForecastResource.Memory, n => n is not null && _present.Contains(n), "stopped"));

        var every = Math.Max(1, (long)Math.Ceiling(FdPeriod / tick.Interval));
        if (_ticks++ % every == 0)
        {
            CountFiles(tick, ForecastOptions.For(horizon, tick.Interval * every));
        }
    }

    private void CountFiles(ResourceTick tick, ForecastOptions options)
    {
        _present.Clear();
        foreach (var s in tick.Services)
        {
            if (_files.Limit(s.Pid) is { } limit && _files.Count(s.Pid) is var count and >= 0)
            {
                _present.Add(s.Name);
                Publish(Forecaster.Observe(new ForecastKey(s.Name, ForecastResource.Fds), tick.Time, count, limit, s.Pid, options));
            }
        }

        _files.EndRound();
        PredictionEvents.Publish(_events, Forecaster.Sweep(ForecastResource.Fds, n => n is not null && _present.Contains(n), "stopped"));
    }

    private void Publish(ForecastChange? change)
    {
        if (change is not null)
        {
            PredictionEvents.Publish(_events, change);
        }
    }

    public ValueTask DisposeAsync() => Disk.DisposeAsync();
}
