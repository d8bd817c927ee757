using Aurora.Core.Forecasting;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Forecasting;

/// Feeds a synthetic series to a Forecaster on a fake clock, one value per cadence, and keeps every change.
internal sealed class SeriesRun
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    public SeriesRun(TimeSpan horizon, TimeSpan cadence, ForecastKey? key = null)
    {
        Options = ForecastOptions.For(horizon, cadence);
        Cadence = cadence;
        Key = key ?? new ForecastKey("api", ForecastResource.Memory);
    }

    public Forecaster Forecaster { get; } = new();

    public ForecastOptions Options { get; }

    public TimeSpan Cadence { get; }

    public ForecastKey Key { get; }

    public List<(TimeSpan At, ForecastChange Change)> Changes { get; } = [];

    public TimeSpan Elapsed => _time.GetUtcNow() - Start;

    /// Runs `f(seconds since start)` until `until` (or until `stop` says so after a change), with `generation`.
    public SeriesRun Feed(Func<double, double> f, double limit, TimeSpan until, long generation = 1, Func<ForecastChange, bool>? stop = null)
    {
        while (Elapsed < until)
        {
            _time.Advance(Cadence);
            var now = _time.GetUtcNow();
            if (Forecaster.Observe(Key, now, f((now - Start).TotalSeconds), limit, generation, Options) is { } change)
            {
                Changes.Add((Elapsed, change));
                if (stop?.Invoke(change) == true)
                {
                    break;
                }
            }
        }

        return this;
    }

    public IEnumerable<(TimeSpan At, ForecastChange Change)> Of(ForecastChangeKind kind) => Changes.Where(c => c.Change.Kind == kind);
}
