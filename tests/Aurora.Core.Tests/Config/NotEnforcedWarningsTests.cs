namespace Aurora.Core.Tests.Config;

/// Issue 12: keys that are parsed but do nothing yet are not silently accepted: each one set gets a
/// positioned warning naming it, and the config still loads.
public sealed class NotEnforcedWarningsTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Limits_are_accepted_with_a_warning_each_and_predict_horizon_and_min_free_without_one()
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
            "aurora.yaml:4:15: warning: services.api.limits.memory: is not enforced yet: no memory cap is applied in this version; the value only helps recognise an out_of_memory kill",
            "aurora.yaml:4:31: warning: services.api.limits.cpu: is not enforced yet: CPU use is not watched in this version; the value has no effect",
            "aurora.yaml:4:41: warning: services.api.limits.for: is not enforced yet: CPU use is not watched in this version; the value has no effect",
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
