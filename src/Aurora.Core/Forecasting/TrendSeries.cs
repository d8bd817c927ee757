namespace Aurora.Core.Forecasting;

/// The minima of the last ForecastOptions.Buckets slices of a series (see ForecastOptions for why minima),
/// each kept with the time it was seen, plus the newest raw value. Appending is O(1) and allocates nothing; a
/// slice is closed when the first value of a later one arrives.
public sealed class TrendSeries
{
    private readonly TrendPoint[] _closed;
    private readonly double _width;
    private readonly DateTimeOffset _origin;
    private int _head;
    private int _count;
    private long _slice = long.MinValue;
    private TrendPoint _open;

    public TrendSeries(ForecastOptions options, DateTimeOffset origin)
    {
        Options = options;
        _closed = new TrendPoint[options.Buckets];
        _width = options.BucketWidth.TotalSeconds;
        _origin = origin;
    }

    public ForecastOptions Options { get; }

    /// Values appended since the series began.
    public long Samples { get; private set; }

    public double Latest { get; private set; }

    /// Closed slices in the window.
    public int Count => _count;

    public double Seconds(DateTimeOffset time) => (time - _origin).TotalSeconds;

    /// Appends a value; true when it closed a slice (the moment to judge the series again).
    public bool Add(DateTimeOffset time, double value)
    {
        var seconds = Seconds(time);
        var slice = (long)Math.Floor(seconds / _width);
        Samples++;
        Latest = value;
        if (slice == _slice)
        {
            if (value < _open.Value)
            {
                _open = new TrendPoint(seconds, value);
            }

            return false;
        }

        var closed = _slice != long.MinValue && slice > _slice;
        if (closed)
        {
            _closed[_head] = _open;
            _head = (_head + 1) % _closed.Length;
            _count = Math.Min(_count + 1, _closed.Length);
        }

        _slice = slice;
        _open = new TrendPoint(seconds, value);
        return closed;
    }

    /// The closed slices' minima, oldest first, dropping those that fell out of the window (a gap in the series).
    public TrendPoint[] Points()
    {
        var from = ((_slice - _closed.Length) * _width) - 1e-9;
        var points = new List<TrendPoint>(_count);
        for (var i = 0; i < _count; i++)
        {
            var p = _closed[(_head - _count + i + _closed.Length) % _closed.Length];
            if (p.Seconds >= from)
            {
                points.Add(p);
            }
        }

        return [.. points];
    }
}
