namespace Aurora.Core.Resources;

/// Folds each tick's samples into the current minute's min/avg/max per service; a tick in a later minute (or
/// an earlier one: the clock was set back) closes the minute and hands its aggregates out.
internal sealed class MinuteAggregator
{
    private readonly Dictionary<string, Accumulator> _open = new(StringComparer.Ordinal);
    private DateTimeOffset? _minute;

    /// Adds one tick; returns the minute it closed, if it closed one.
    public IReadOnlyList<MinuteSample>? Add(DateTimeOffset time, IReadOnlyList<ServiceSample> samples)
    {
        var minute = Floor(time);
        IReadOnlyList<MinuteSample>? closed = null;
        if (_minute != minute)
        {
            closed = Close();
            _minute = minute;
        }

        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            if (!_open.TryGetValue(s.Name, out var acc))
            {
                _open[s.Name] = acc = new Accumulator();
            }

            acc.Add(s.CpuPercent, s.MemoryBytes);
        }

        return closed is { Count: > 0 } ? closed : null;
    }

    /// The open minute's aggregates (the services sampled in it), and a fresh start.
    public IReadOnlyList<MinuteSample> Close()
    {
        if (_minute is not { } minute)
        {
            return [];
        }

        var result = new List<MinuteSample>(_open.Count);
        foreach (var (name, acc) in _open)
        {
            if (acc.Count > 0)
            {
                result.Add(acc.ToSample(name, minute));
            }
        }

        // Accumulators of services that were not sampled for a whole minute go; the others are reused.
        foreach (var (name, acc) in _open.Where(kv => kv.Value.Count == 0).ToList())
        {
            _open.Remove(name);
        }

        foreach (var acc in _open.Values)
        {
            acc.Reset();
        }

        _minute = null;
        return result;
    }

    private static DateTimeOffset Floor(DateTimeOffset time)
    {
        var utc = time.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    private sealed class Accumulator
    {
        private double _cpuMin, _cpuMax, _cpuSum;
        private long _memMin, _memMax;
        private decimal _memSum;

        public int Count { get; private set; }

        public void Add(double cpu, long mem)
        {
            if (Count == 0)
            {
                (_cpuMin, _cpuMax, _memMin, _memMax) = (cpu, cpu, mem, mem);
            }
            else
            {
                (_cpuMin, _cpuMax) = (Math.Min(_cpuMin, cpu), Math.Max(_cpuMax, cpu));
                (_memMin, _memMax) = (Math.Min(_memMin, mem), Math.Max(_memMax, mem));
            }

            _cpuSum += cpu;
            _memSum += mem;
            Count++;
        }

        public MinuteSample ToSample(string service, DateTimeOffset minute) => new(service, minute,
            _cpuMin, Math.Round(_cpuSum / Count, 2), _cpuMax, _memMin, (long)Math.Round(_memSum / Count), _memMax);

        public void Reset()
        {
            (_cpuSum, _memSum, Count) = (0, 0, 0);
        }
    }
}
