namespace Aurora.Core.Forecasting;

/// Every series the daemon forecasts (services' memory and open files, the project's disk), each judged when one
/// of its slices closes, and the predictions active now. Observations come from the sampler's loop and the disk
/// watch; status reads Active from request threads: one lock, held for O(1) appends and a 32-point fit.
public sealed class Forecaster
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ForecastKey, Track> _tracks = [];

    /// Adds a value of a series and judges it when a slice closed. `generation` names what the series measures (a
    /// service's pid): a new one starts the series afresh and resolves its prediction ("restarted"). Values rise
    /// toward the limit, except the disk's: free bytes falling toward `min_free`.
    public ForecastChange? Observe(ForecastKey key, DateTimeOffset now, double value, double limit, long generation, ForecastOptions options)
    {
        lock (_gate)
        {
            ForecastChange? restarted = null;
            if (!_tracks.TryGetValue(key, out var track) || track.Generation != generation)
            {
                restarted = track?.Active is { } old ? Resolve(key, old, "restarted") : null;
                _tracks[key] = track = new Track(generation, new TrendSeries(options, now));
            }
            else if (track.Series.Options != options)
            {
                track.Series = new TrendSeries(options, now); // a reload changed the horizon or the cadence
            }

            var sign = key.Resource == ForecastResource.Disk ? -1 : 1;
            if (!track.Series.Add(now, sign * value))
            {
                return restarted;
            }

            var estimate = PredictionGate.Judge(track.Series, sign * limit, now);
            var pid = key.Resource == ForecastResource.Disk ? (int?)null : (int)generation;
            Forecast Make(Estimate e) => new(key, value, limit, Math.Round(e.EtaSeconds, 1), e.Confidence, now, pid);
            switch (PredictionGate.Decide(track.Active, estimate, now, options))
            {
                case ForecastChangeKind.Published:
                    track.Active = Make(estimate!.Value);
                    return new ForecastChange(ForecastChangeKind.Published, track.Active);
                case ForecastChangeKind.Repeated:
                    track.Active = Make(estimate!.Value);
                    return new ForecastChange(ForecastChangeKind.Repeated, track.Active);
                case ForecastChangeKind.Resolved:
                    return Resolve(key, track.Active!, "trend");
                default:
                    return restarted;
            }
        }
    }

    /// Ends the series of `resource` whose service is not in `present` (stopped, removed, or its limit removed),
    /// resolving their predictions with `reason`.
    public IReadOnlyList<ForecastChange> Sweep(ForecastResource resource, Func<string?, bool> present, string reason)
    {
        lock (_gate)
        {
            var changes = new List<ForecastChange>();
            foreach (var (key, track) in _tracks.Where(kv => kv.Key.Resource == resource && !present(kv.Key.Service)).ToList())
            {
                if (track.Active is { } active)
                {
                    changes.Add(Resolve(key, active, reason));
                }

                _tracks.Remove(key);
            }

            return changes;
        }
    }

    /// The service's active prediction that breaches first, or null.
    public Forecast? Active(string service)
    {
        lock (_gate)
        {
            Forecast? first = null;
            foreach (var resource in (ReadOnlySpan<ForecastResource>)[ForecastResource.Memory, ForecastResource.Fds])
            {
                if (_tracks.GetValueOrDefault(new ForecastKey(service, resource))?.Active is { } f && (first is null || f.BreachAt < first.BreachAt))
                {
                    first = f;
                }
            }

            return first;
        }
    }

    /// Every active prediction, the disk's included.
    public IReadOnlyList<Forecast> AllActive()
    {
        lock (_gate)
        {
            return [.. _tracks.Values.Select(t => t.Active).OfType<Forecast>()];
        }
    }

    private ForecastChange Resolve(ForecastKey key, Forecast active, string reason)
    {
        if (_tracks.GetValueOrDefault(key) is { } track)
        {
            track.Active = null;
        }

        return new ForecastChange(ForecastChangeKind.Resolved, active, reason);
    }

    private sealed class Track(long generation, TrendSeries series)
    {
        public long Generation { get; } = generation;

        public TrendSeries Series { get; set; } = series;

        public Forecast? Active { get; set; }
    }
}
