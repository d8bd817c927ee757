using Aurora.Core.Forecasting;

namespace Aurora.Core.Tests.Forecasting;

/// The estimator and its hysteresis on a fake clock, over synthetic series.
public sealed class ForecasterTests
{
    private const double MiB = 1 << 20;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_linear_leak_is_predicted_once_well_before_the_breach_with_an_accurate_eta()
    {
        // 50 MiB + 0.5 MiB/s toward 256 MiB: the limit is reached at 412 s.
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second).Feed(t => (50 * MiB) + (0.5 * MiB * t), 256 * MiB, TimeSpan.FromSeconds(400));

        var (at, change) = Assert.Single(run.Changes);
        Assert.Equal(ForecastChangeKind.Published, change.Kind);
        var breach = 412.0;
        Assert.True(breach - at.TotalSeconds >= 30, $"predicted at {at}, {breach - at.TotalSeconds} s before the breach");
        var real = breach - at.TotalSeconds;
        Assert.InRange(change.Forecast.EtaSeconds, real * 0.95, real * 1.05);
        Assert.Equal(1.0, change.Forecast.Confidence);
        Assert.Equal(256 * MiB, change.Forecast.Limit);
        Assert.Equal(1, change.Forecast.Pid);
        Assert.Same(change.Forecast, run.Forecaster.Active("api"));
    }

    [Fact]
    public void A_fast_leak_sampled_every_100ms_is_predicted_within_seconds()
    {
        // The integration test's leaker: 2 MiB every 100 ms from 10 MiB toward 400 MiB (19.5 s), horizon 30 s.
        var run = new SeriesRun(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100))
            .Feed(t => (10 * MiB) + (20 * MiB * t), 400 * MiB, TimeSpan.FromSeconds(19));

        var (at, change) = run.Of(ForecastChangeKind.Published).First();
        Assert.True(at.TotalSeconds < 12, $"predicted only at {at}");
        var real = 19.5 - at.TotalSeconds;
        Assert.InRange(change.Forecast.EtaSeconds, real * 0.75, real * 1.25);
    }

    [Fact]
    public void Nothing_is_said_before_a_quarter_of_the_window()
    {
        // Steep enough to breach within the horizon from the first minute.
        var run = new SeriesRun(TimeSpan.FromMinutes(15), Second).Feed(t => (50 * MiB) + (0.5 * MiB * t), 256 * MiB, TimeSpan.FromMinutes(5));

        var (at, _) = Assert.Single(run.Changes);
        Assert.True(at >= run.Options.Window / 4, $"spoke at {at}, before {run.Options.Window / 4} of evidence");
    }

    [Theory]
    [InlineData(5, 15)]
    [InlineData(20, 15)]
    [InlineData(60, 15)]
    [InlineData(120, 15)]
    [InlineData(5, 5)]
    [InlineData(20, 5)]
    [InlineData(60, 5)]
    public void A_gc_sawtooth_raises_nothing_in_ten_minutes(int periodSeconds, int horizonMinutes)
    {
        // Ramps 40 MiB over each period (steep enough to breach 256 MiB within the horizon), then drops back.
        var run = new SeriesRun(TimeSpan.FromMinutes(horizonMinutes), Second)
            .Feed(t => (100 * MiB) + (40 * MiB * (t % periodSeconds) / periodSeconds), 256 * MiB, TimeSpan.FromMinutes(10));

        Assert.Empty(run.Changes);
    }

    [Fact]
    public void A_leak_that_passes_its_limit_and_stays_over_it_is_predicted_once_and_stands()
    {
        // Nothing kills it (no enforcement): it grows to 110 % of the limit and holds there for minutes.
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second)
            .Feed(t => Math.Min((50 * MiB) + (0.5 * MiB * t), 282 * MiB), 256 * MiB, TimeSpan.FromMinutes(12));

        var (_, change) = Assert.Single(run.Changes);
        Assert.Equal(ForecastChangeKind.Published, change.Kind);
        Assert.NotNull(run.Forecaster.Active("api"));
    }

    [Fact]
    public void One_spike_raises_nothing()
    {
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second)
            .Feed(t => Math.Abs(t - 200) < 0.5 ? 250 * MiB : 100 * MiB, 256 * MiB, TimeSpan.FromMinutes(10));

        Assert.Empty(run.Changes);
    }

    [Fact]
    public void Noise_raises_nothing()
    {
        var random = new Random(7);
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second)
            .Feed(_ => (100 * MiB) + (random.NextDouble() * 60 * MiB), 256 * MiB, TimeSpan.FromMinutes(10));

        Assert.Empty(run.Changes);
    }

    [Fact]
    public void A_noisy_leak_is_still_predicted()
    {
        var random = new Random(11);
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second)
            .Feed(t => (50 * MiB) + (0.5 * MiB * t) + (random.NextDouble() * 8 * MiB), 270 * MiB, TimeSpan.FromSeconds(400));

        var (_, change) = run.Of(ForecastChangeKind.Published).First();
        Assert.True(change.Forecast.Confidence >= 0.6);
    }

    [Fact]
    public void A_leak_that_levels_off_is_resolved()
    {
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second)
            .Feed(t => (50 * MiB) + (0.5 * MiB * Math.Min(t, 200)), 256 * MiB, TimeSpan.FromMinutes(10));

        // On the way the slope flattens and the ETA grows: that is a material change, said a few times.
        Assert.Equal(ForecastChangeKind.Published, run.Changes[0].Change.Kind);
        Assert.Equal(ForecastChangeKind.Resolved, run.Changes[^1].Change.Kind);
        Assert.Equal("trend", run.Changes[^1].Change.Reason);
        Assert.True(run.Changes.Count <= 6, string.Join(", ", run.Changes.Select(c => $"{c.At}: {c.Change.Kind} {c.Change.Forecast.EtaSeconds}")));
        Assert.All(run.Changes.Skip(1).SkipLast(1), c => Assert.Equal(ForecastChangeKind.Repeated, c.Change.Kind));
        Assert.Null(run.Forecaster.Active("api"));
    }

    [Fact]
    public void A_restart_resolves_the_prediction_at_once()
    {
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second)
            .Feed(t => (50 * MiB) + (0.5 * MiB * t), 256 * MiB, TimeSpan.FromSeconds(200))
            .Feed(_ => 50 * MiB, 256 * MiB, TimeSpan.FromSeconds(201), generation: 2);

        Assert.Equal([ForecastChangeKind.Published, ForecastChangeKind.Resolved], run.Changes.Select(c => c.Change.Kind));
        Assert.Equal("restarted", run.Changes[1].Change.Reason);
        Assert.Equal(TimeSpan.FromSeconds(201), run.Changes[1].At);
    }

    [Fact]
    public void A_leak_that_speeds_up_is_repeated_with_the_new_eta_and_a_steady_one_is_not()
    {
        // 0.3 MiB/s, then 1.2 MiB/s from 150 s: the breach moves much closer.
        var run = new SeriesRun(TimeSpan.FromMinutes(15), Second)
            .Feed(t => (50 * MiB) + (0.3 * MiB * Math.Min(t, 300)) + (1.2 * MiB * Math.Max(0, t - 300)), 400 * MiB, TimeSpan.FromSeconds(480));

        var published = Assert.Single(run.Of(ForecastChangeKind.Published)).Change.Forecast;
        var repeats = run.Of(ForecastChangeKind.Repeated).Select(c => c.Change.Forecast).ToList();
        Assert.NotEmpty(repeats);
        Assert.True(repeats[^1].BreachAt < published.BreachAt - TimeSpan.FromSeconds(published.EtaSeconds / 4));
        Assert.True(repeats.Count <= 6, $"{repeats.Count} repeats");
    }

    [Fact]
    public void Free_disk_falling_toward_min_free_is_predicted_as_free_bytes()
    {
        // 10 GiB free, falling 2 MiB/s toward 9 GiB (512 s), checked every 10 s.
        const double GiB = 1 << 30;
        var run = new SeriesRun(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(10), ForecastKey.Disk)
            .Feed(t => (10 * GiB) - (2 * MiB * t), 9 * GiB, TimeSpan.FromSeconds(500));

        var change = run.Of(ForecastChangeKind.Published).First().Change;
        Assert.Null(change.Forecast.Key.Service);
        Assert.Null(change.Forecast.Pid);
        Assert.Equal(9 * GiB, change.Forecast.Limit);
        Assert.True(change.Forecast.Current < 10 * GiB && change.Forecast.Current > 9 * GiB);
        var real = (change.Forecast.Current - (9 * GiB)) / (2 * MiB);
        Assert.InRange(change.Forecast.EtaSeconds, real * 0.9, real * 1.1);
    }

    [Fact]
    public void A_service_gone_from_the_samples_has_its_prediction_resolved()
    {
        var run = new SeriesRun(TimeSpan.FromMinutes(5), Second).Feed(t => (50 * MiB) + (0.5 * MiB * t), 256 * MiB, TimeSpan.FromSeconds(200));

        var changes = run.Forecaster.Sweep(ForecastResource.Memory, _ => false, "stopped");

        var resolved = Assert.Single(changes);
        Assert.Equal(ForecastChangeKind.Resolved, resolved.Kind);
        Assert.Equal("stopped", resolved.Reason);
        Assert.Null(run.Forecaster.Active("api"));
        Assert.Empty(run.Forecaster.AllActive());
    }
}
