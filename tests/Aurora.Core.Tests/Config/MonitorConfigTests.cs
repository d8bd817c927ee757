using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

/// `monitor:` — sample_interval (a duration of at least 100ms, or off) and history (at least 1h) are enforced
/// now and load without a warning, and so is predict_horizon (forecasts).
public sealed class MonitorConfigTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Sample_interval_and_history_are_read_without_a_warning()
    {
        var result = _project.Load("""
            services: { api: { command: python3 } }
            monitor: { sample_interval: 250ms, history: 2d }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new MonitorConfig(TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(15)) { History = TimeSpan.FromDays(2) },
            result.Config!.Monitor);
    }

    [Fact]
    public void Sampling_is_on_every_second_for_seven_days_by_default()
    {
        var monitor = _project.Load("services: { api: { command: python3 } }").Config!.Monitor;

        Assert.Equal(TimeSpan.FromSeconds(1), monitor.SampleInterval);
        Assert.Equal(TimeSpan.FromDays(7), monitor.History);
    }

    [Fact]
    public void Sample_interval_off_disables_sampling()
    {
        var result = _project.Load("""
            services: { api: { command: python3 } }
            monitor: { sample_interval: off }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Config!.Monitor.SampleInterval);
    }

    [Fact]
    public void Bad_values_are_reported_with_what_is_allowed()
    {
        Assert.Equal(
        [
            "aurora.yaml:2:29: monitor.sample_interval: \"50ms\" must be at least 100ms",
            "aurora.yaml:2:44: monitor.history: \"30m\" must be at least 1h",
        ], _project.Problems("""
            services: { api: { command: python3 } }
            monitor: { sample_interval: 50ms, history: 30m }
            """));
        Assert.Equal(
            ["aurora.yaml:2:29: monitor.sample_interval: \"never\" is not a duration; use off, or a number with ms, s, m, h or d (e.g. 500ms, 1s)"],
            _project.Problems("""
                services: { api: { command: python3 } }
                monitor: { sample_interval: never }
                """));
    }

    [Fact]
    public void Predict_horizon_is_enforced_now_and_loads_without_a_warning() =>
        Assert.Empty(
            _project.Problems("""
                services: { api: { command: python3 } }
                monitor: { predict_horizon: 15m, sample_interval: 2s }
                """));
}
