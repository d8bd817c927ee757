using Aurora.Core.Config;
using Aurora.Core.Tests.Config;

namespace Aurora.Core.Tests.Limits;

public sealed class LimitsConfigTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Every_limit_is_read_and_none_is_warned_about()
    {
        var result = _project.Load("""
            services:
              api:
                command: python3
                limits: { memory: 512MiB, cpu: 90%, for: 10s, on_cpu: restart, pids: 64 }
            """);

        Assert.True(result.Ok);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new ResourceLimits(512L << 20, 90, TimeSpan.FromSeconds(10), CpuAction.Restart, 64), result.Config!.Find("api")!.Limits);
    }

    [Fact]
    public void A_memory_limit_below_what_a_runtime_needs_to_start_is_a_warning()
    {
        var result = _project.Load("""
            services:
              api:
                command: python3
                limits: { memory: 4MiB }
            """);

        Assert.True(result.Ok);
        Assert.Equal(
            ["aurora.yaml:4:15: warning: services.api.limits.memory: 4MiB is below 8MiB, less than a runtime needs to start; the service would be killed as soon as it starts"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Bad_on_cpu_and_pids_are_errors()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3
                limits: { on_cpu: explode, pids: 0 }
            """);

        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, p => p.Contains("services.api.limits.on_cpu", StringComparison.Ordinal) && p.Contains("warn, restart", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("services.api.limits.pids", StringComparison.Ordinal));
    }
}
