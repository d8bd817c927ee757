namespace Aurora.Core.Resources;

/// The last five minutes of samples at full resolution, which `status` and the sparklines read.
///
/// Size: one timestamp per tick, shared by all services, and per service 8 bytes a tick (CPU as an int of
/// tenths of a percent, RSS as a uint of KiB). At 1 s that is 300 ticks: 1,000 services take
/// 300 x 1,000 x 8 B = 2.4 MB (plus 2.4 KB of timestamps); at the shortest interval, 100 ms, ten times that.
/// Arrays are allocated once per service; appending a tick allocates nothing.
public sealed class ResourceRing
{
    public static readonly TimeSpan Span = TimeSpan.FromMinutes(5);

    private const int NoSample = -1;

    private readonly Lock _gate = new();
    private readonly long[] _times;
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly List<string> _gone = [];
    private long _ticks;

    public ResourceRing(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
        Capacity = (int)Math.Ceiling(Span / interval);
        _times = new long[Capacity];
    }

    public TimeSpan Interval { get; }

    /// Ticks kept: five minutes' worth.
    public int Capacity { get; }

    public void Append(DateTimeOffset time, IReadOnlyList<ServiceSample> samples)
    {
        lock (_gate)
        {
            var slot = (int)(_ticks % Capacity);
            _times[slot] = time.ToUnixTimeMilliseconds();
            for (var i = 0; i < samples.Count; i++)
            {
                var s = samples[i];
                if (!_series.TryGetValue(s.Name, out var series))
                {
                    _series[s.Name] = series = new Series(Capacity);
                }

                series.Cpu[slot] = (int)Math.Min(int.MaxValue, Math.Round(s.CpuPercent * 10));
                series.RssKiB[slot] = (uint)Math.Min(uint.MaxValue, (s.MemoryBytes + 1023) / 1024);
                series.Pid = s.Pid;
                series.LastTick = _ticks;
            }

            foreach (var (name, series) in _series)
            {
                if (series.LastTick != _ticks)
                {
                    series.Cpu[slot] = NoSample;
                    if (_ticks - series.LastTick >= Capacity)
                    {
                        _gone.Add(name); // nothing of it left in the window
                    }
                }
            }

            foreach (var name in _gone)
            {
                _series.Remove(name);
            }

            _gone.Clear();
            _ticks++;
        }
    }

    /// The service's sample from the newest tick, or null when the newest tick has none for it.
    public ServiceSample? Latest(string service)
    {
        lock (_gate)
        {
            if (_ticks == 0 || !_series.TryGetValue(service, out var series) || series.LastTick != _ticks - 1)
            {
                return null;
            }

            var slot = (int)((_ticks - 1) % Capacity);
            return new ServiceSample(service, series.Pid, series.Cpu[slot] / 10.0, series.RssKiB[slot] * 1024L);
        }
    }

    /// Every service's samples taken at or after `since`, oldest first; services by name.
    public IReadOnlyList<ResourceSeries> Since(DateTimeOffset since)
    {
        var from = since.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            var result = new List<ResourceSeries>(_series.Count);
            foreach (var (name, series) in _series.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var points = new List<ResourcePoint>();
                for (var t = Math.Max(0, _ticks - Capacity); t < _ticks; t++)
                {
                    var slot = (int)(t % Capacity);
                    if (_times[slot] >= from && series.Cpu[slot] != NoSample)
                    {
                        points.Add(new ResourcePoint(_times[slot], series.Cpu[slot] / 10.0, series.RssKiB[slot] * 1024L));
                    }
                }

                if (points.Count > 0)
                {
                    result.Add(new ResourceSeries(name, points));
                }
            }

            return result;
        }
    }

    private sealed class Series(int capacity)
    {
        // A service that appears mid-window has no samples before it: not zeros.
        public int[] Cpu { get; } = Enumerable.Repeat(NoSample, capacity).ToArray();

        public uint[] RssKiB { get; } = new uint[capacity];

        public int Pid { get; set; }

        public long LastTick { get; set; }
    }
}
