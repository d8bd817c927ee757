namespace Aurora.Core.Forecasting;

/// The Theil–Sen estimator: the median of the slopes of all pairs of points, and the median of the residual
/// intercepts. Half the points may be outliers before the slope moves, so one spike or a GC drop does not tip it.
/// The pairs are all pairs: the series it is given are short (TrendSeries keeps at most ForecastOptions.Buckets
/// points, 32 by default: 496 pairs), which is what bounds the cost, not a subsample.
public static class TheilSen
{
    /// Pairs closer in time than this are skipped (two samples of one instant say nothing about a slope).
    private const double MinDelta = 1e-9;

    public static TrendFit Fit(ReadOnlySpan<TrendPoint> points)
    {
        var n = points.Length;
        if (n < 2)
        {
            return new TrendFit(0, n == 1 ? points[0].Value : 0, 0, n, 0);
        }

        var slopes = new double[n * (n - 1) / 2];
        var count = 0;
        var concordant = 0;
        var discordant = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dt = points[j].Seconds - points[i].Seconds;
                if (Math.Abs(dt) < MinDelta)
                {
                    continue;
                }

                var dv = points[j].Value - points[i].Value;
                slopes[count++] = dv / dt;
                var sign = Math.Sign(dv) * Math.Sign(dt);
                concordant += sign > 0 ? 1 : 0;
                discordant += sign < 0 ? 1 : 0;
            }
        }

        if (count == 0)
        {
            return new TrendFit(0, points[0].Value, 0, n, 0);
        }

        var slope = Median(slopes.AsSpan(0, count));
        var residuals = new double[n];
        for (var i = 0; i < n; i++)
        {
            residuals[i] = points[i].Value - (slope * points[i].Seconds);
        }

        var span = points[n - 1].Seconds - points[0].Seconds;
        return new TrendFit(slope, Median(residuals), (double)(concordant - discordant) / count, n, span);
    }

    /// The median, sorting the span in place.
    public static double Median(Span<double> values)
    {
        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
