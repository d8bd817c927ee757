using Aurora.Core.Forecasting;

namespace Aurora.Core.Tests.Forecasting;

public sealed class TheilSenTests
{
    [Fact]
    public void A_line_is_fitted_exactly_with_full_agreement()
    {
        TrendPoint[] points = [.. Enumerable.Range(0, 20).Select(i => new TrendPoint(i * 2.0, 10 + (3.0 * i * 2)))];

        var fit = TheilSen.Fit(points);

        Assert.Equal(3.0, fit.Slope, 9);
        Assert.Equal(10.0, fit.Intercept, 9);
        Assert.Equal(1.0, fit.Agreement, 9);
        Assert.Equal(38.0, fit.SpanSeconds);
    }

    [Fact]
    public void Outliers_in_a_third_of_the_points_do_not_move_the_slope()
    {
        TrendPoint[] points = [.. Enumerable.Range(0, 30).Select(i => new TrendPoint(i, i % 3 == 0 ? 1e9 : 5.0 * i))];

        var fit = TheilSen.Fit(points);

        Assert.InRange(fit.Slope, 4.9, 5.1);
    }

    [Fact]
    public void A_flat_series_has_no_slope_and_no_agreement()
    {
        TrendPoint[] points = [.. Enumerable.Range(0, 16).Select(i => new TrendPoint(i, 42))];

        var fit = TheilSen.Fit(points);

        Assert.Equal(0, fit.Slope);
        Assert.Equal(0, fit.Agreement);
        Assert.Equal(42, fit.Intercept);
    }

    [Fact]
    public void A_falling_series_has_negative_agreement()
    {
        TrendPoint[] points = [.. Enumerable.Range(0, 10).Select(i => new TrendPoint(i, 100 - i))];

        Assert.Equal(-1, TheilSen.Fit(points).Agreement, 9);
    }

    [Fact]
    public void Fewer_than_two_points_fit_nothing()
    {
        Assert.Equal(0, TheilSen.Fit([]).Slope);
        Assert.Equal(7, TheilSen.Fit([new TrendPoint(1, 7)]).Intercept);
    }
}
