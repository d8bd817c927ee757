namespace Aurora.Core.Forecasting;

/// How a series is judged, from `monitor.predict_horizon` and how often the series gets a value (its cadence).
///
/// The fit is on the minimum of each of Buckets equal slices of the window, not on raw samples: a garbage-collected
/// heap ramps up and drops back again and again, and its low points (just after each collection) stay level while
/// its highs and its raw samples rise within every cycle. The minima are the live set; a leak raises them, a GC
/// sawtooth does not (as long as a slice spans a GC cycle; shorter cycles' minima form a lower sawtooth that the
/// Agreement gate rejects over several cycles). One spike never lowers a minimum: it is invisible.
///
/// The window is the horizon (a forecast looks as far back as it looks ahead), at least 64 values so that every
/// slice holds two, at most an hour. It speaks only with evidence: MinBuckets slices (a quarter of the window) and
/// MinSamples values.
public sealed record ForecastOptions(TimeSpan Horizon, TimeSpan Window, int Buckets, int MinBuckets, int MinSamples)
{
    public const int DefaultBuckets = 32;

    /// The Agreement (Kendall's tau of the minima) at which a prediction is published, and under which an active
    /// one is resolved: the gap between them is the hysteresis that keeps a borderline trend from flapping.
    public double PublishAgreement { get; init; } = 0.6;

    public double ResolveAgreement { get; init; } = 0.4;

    /// A published prediction is repeated when its breach time moves by more than this fraction of its ETA.
    public double RepeatChange { get; init; } = 0.25;

    /// An active prediction is resolved when its ETA grows past the horizon times this.
    public double ResolveMargin { get; init; } = 1.25;

    public TimeSpan BucketWidth => Window / Buckets;

    public static ForecastOptions For(TimeSpan horizon, TimeSpan cadence)
    {
        var window = TimeSpan.FromTicks(Math.Clamp(horizon.Ticks, cadence.Ticks * 64, Math.Max(TimeSpan.FromHours(1).Ticks, cadence.Ticks * 64)));
        return new ForecastOptions(horizon, window, DefaultBuckets, DefaultBuckets / 4, 16);
    }
}
