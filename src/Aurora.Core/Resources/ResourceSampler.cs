using Aurora.Core.Config;
using Aurora.Core.Supervision;

namespace Aurora.Core.Resources;

/// The daemon's one sampler (not one per service): every `monitor.sample_interval` it reads the process tree
/// of each service that has a process, computes CPU % from the delta since the service's previous sample and
/// the tree's RSS, appends the tick to the ring, hands it to `publish` (the live stream) and folds it into
/// the minute aggregates, writing each minute to the history when it closes.
///
/// The config is read at every tick, so a reload applies in place: a new interval re-times the timer (and
/// starts a ring of the new resolution), `off` stops sampling (the ring is dropped, the open minute written)
/// and is checked once a second for sampling to come back on; a new `history` re-bounds the store.
public sealed class ResourceSampler : IAsyncDisposable
{
    /// How often a sampler that is off looks whether a reload turned it on.
    public static readonly TimeSpan OffCheck = TimeSpan.FromSeconds(1);

    private readonly Func<MonitorConfig> _monitor;
    private readonly Func<IEnumerable<ServiceSnapshot>> _services;
    private readonly ITreeReader _reader;
    private readonly IResourceHistory _history;
    private readonly Action<ResourceTick> _publish;
    private readonly Action<Exception> _onError;
    private readonly TimeProvider _time;
    private readonly CpuBaselines _cpu = new();
    private readonly MinuteAggregator _minutes = new();
    private readonly List<ServiceSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private ResourceRing? _ring;
    private TimeSpan? _retained;
    private Task _loop = Task.CompletedTask;

    public ResourceSampler(Func<MonitorConfig> monitor, Func<IEnumerable<ServiceSnapshot>> services, ITreeReader reader,
        IResourceHistory history, Action<ResourceTick> publish, TimeProvider time, Action<Exception>? onError = null)
    {
        _monitor = monitor;
        _services = services;
        _reader = reader;
        _history = history;
        _publish = publish;
        _time = time;
        _onError = onError ?? (ex => Console.Error.WriteLine($"aurora: resource sampling: {ex}"));
    }

    /// Each service's CPU seconds as a counter, from the same reads as the samples.
    public CpuTotals CpuTotals { get; } = new();

    /// The last five minutes of samples; null while sampling is off (or before the first tick).
    public ResourceRing? Ring => Volatile.Read(ref _ring);

    public void Start()
    {
        var config = _monitor();
        Retain(config.History);

        // The timer starts now, not when the loop's task gets a thread: the first tick is one interval from here.
        var timer = new PeriodicTimer(config.SampleInterval ?? OffCheck, _time);
        _loop = Task.Run(() => RunAsync(timer, _stop.Token));
    }

    private async Task RunAsync(PeriodicTimer timer, CancellationToken ct)
    {
        using var owned = timer;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var config = _monitor();
                var period = config.SampleInterval ?? OffCheck;
                if (timer.Period != period)
                {
                    timer.Period = period;
                }

                try
                {
                    Retain(config.History);
                    if (config.SampleInterval is { } interval)
                    {
                        Tick(interval);
                    }
                    else
                    {
                        TurnOff();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _onError(ex);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void Tick(TimeSpan interval)
    {
        var now = _time.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond)); // the wire and the ring keep ms
        var stamp = _time.GetTimestamp();
        if (_ring?.Interval != interval)
        {
            Volatile.Write(ref _ring, new ResourceRing(interval));
        }

        _samples.Clear();
        foreach (var s in _services())
        {
            if (s.Pid is not { } pid || !_reader.TryRead(pid, out var usage))
            {
                continue;
            }

            var cpu = _cpu.Percent(s.Name, pid, s.StartTicks, s.StartedAt, usage.CpuTicks, stamp, now, interval, _time);
            CpuTotals.Add(s.Name, pid, s.StartTicks, usage.CpuTicks);
            _samples.Add(new ServiceSample(s.Name, pid, cpu, usage.RssBytes, usage.Processes));
        }

        _cpu.EndTick();
        _reader.EndTick();
        _ring!.Append(now, _samples);
        if (_minutes.Add(now, _samples) is { } closed)
        {
            _history.Append(closed);
        }

        _publish(new ResourceTick(now, interval, _samples));
    }

    private void TurnOff()
    {
        if (_ring is null)
        {
            return;
        }

        Volatile.Write(ref _ring, null);
        _cpu.Clear();
        WriteOpenMinute();
    }

    private void WriteOpenMinute()
    {
        if (_minutes.Close() is { Count: > 0 } open)
        {
            _history.Append(open);
        }
    }

    private void Retain(TimeSpan history)
    {
        if (_retained != history)
        {
            _retained = history;
            _history.Retain(history);
        }
    }

    /// Stops sampling and writes the minute in progress (a partial one) to the history.
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        WriteOpenMinute();
        _stop.Dispose();
    }
}
