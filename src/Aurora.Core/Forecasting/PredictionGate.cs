namespace Aurora.Core.Forecasting;

/// The pure judgement of one series: what its trend predicts, and whether that publishes, repeats or resolves a
/// prediction given the one active (hysteresis on both the agreement and the ETA).
public static class PredictionGate
{
    /// The estimate from the series, or null while it lacks evidence. `value` and `limit` rise toward each other
    /// (the disk's are negated free bytes). EtaSeconds is Forecast.MaxEtaSeconds when the trend does not rise
    /// (or would take longer).
    public static Estimate? Judge(TrendSeries series, double limit, DateTimeOffset now)
    {
        var options = series.Options;
        var points = series.Points();
        if (points.Length < options.MinBuckets || series.Samples < options.MinSamples)
        {
            return null;
        }

        var fit = TheilSen.Fit(points);
        if (fit.SpanSeconds < (options.BucketWidth * (options.MinBuckets - 1)).TotalSeconds)
        {
            return null;
        }

        var level = Math.Max(series.Latest, fit.At(series.Seconds(now)));
        var eta = level >= limit ? 0 : fit.Slope > 0 ? (limit - level) / fit.Slope : double.PositiveInfinity;
        return new Estimate(fit, Math.Min(eta, Forecast.MaxEtaSeconds), Math.Round(Math.Max(0, fit.Agreement), 2));
    }

    public static ForecastChangeKind? Decide(Forecast? active, Estimate? estimate, DateTimeOffset now, ForecastOptions options)
    {
        var horizon = options.Horizon.TotalSeconds;
        if (active is null)
        {
            return estimate is { } e && e.Fit.Slope > 0 && e.Confidence >= options.PublishAgreement && e.EtaSeconds <= horizon
                ? ForecastChangeKind.Published : null;
        }

        if (estimate is not { } next)
        {
            return null; // the evidence was reset (a new window): the prediction stands until it is judged again
        }

        if (next.EtaSeconds <= 0)
        {
            return null; // at or over the limit: the prediction came true and stands until a restart (or the kill) ends it
        }

        if (next.Fit.Slope <= 0 || next.Confidence < options.ResolveAgreement || next.EtaSeconds > horizon * options.ResolveMargin)
        {
            return ForecastChangeKind.Resolved;
        }

        var moved = Math.Abs((now.AddSeconds(next.EtaSeconds) - active.BreachAt).TotalSeconds);
        // A class change counts when the confidence really moved, not when it wavers at a class boundary.
        var changedClass = Forecast.ClassOf(next.Confidence) != active.Class && Math.Abs(next.Confidence - active.Confidence) >= 0.1;
        return moved > options.RepeatChange * active.EtaSeconds || changedClass ? ForecastChangeKind.Repeated : null;
    }

}
