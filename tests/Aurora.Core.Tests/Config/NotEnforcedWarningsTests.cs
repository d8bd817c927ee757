namespace Aurora.Core.Tests.Config;

/// Issue 12: keys that are parsed but do nothing yet are not silently accepted: each one set gets a
/// positioned warning naming it, and the config still loads.
public sealed class NotEnforcedWarningsTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Predict_horizon_and_min_free_are_accepted_with_a_warning_each_and_limits_without_one()
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
        Assert.Equal(
        [
            "aurora.yaml:7:33: warning: monitor.predict_horizon: is not enforced yet: Aurora does not predict failures in this version; the value has no effect",
            "aurora.yaml:9:20: warning: maintenance.disk.min_free: is not enforced yet: free space is not watched in this version (disk_full is diagnosed from ENOSPC in a service's output); the value has no effect",
        ], result.Diagnostics.Select(d => d.ToString()));
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
