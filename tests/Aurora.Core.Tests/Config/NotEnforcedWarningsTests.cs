namespace Aurora.Core.Tests.Config;

/// Issue 12 made every key that was parsed but did nothing warn; issue 15 enforced the last of them (limits, forecasts,
/// min_free). None of SPEC §3's keys warns now: a key that does nothing would have to be rejected or warned again.
public sealed class NotEnforcedWarningsTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Limits_predict_horizon_and_min_free_are_enforced_so_none_warns()
    {
        var result = _project.Load("""
            services:
              api:
                command: python3
                limits: { memory: 512MiB, cpu: 90%, for: 30s }
              worker:
                command: python3
            monitor: { sample_interval: 1s, predict_horizon: 15m }
            maintenance:
              disk: { path: ., min_free: 1GiB }
            """);

        Assert.True(result.Ok);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_config_without_them_gets_no_warning() =>
        Assert.Empty(_project.Problems("""
            services:
              api: { command: python3 }
            maintenance:
              temp: [{ path: ./tmp }]
            """));
}
