using Aurora.Core.Config;
using Aurora.Core.Reload;

namespace Aurora.Core.Tests.Config;

/// `metrics: { public: true }` opens GET /metrics without the token, on a loopback dashboard listener only.
public sealed class MetricsConfigTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Public_is_read_beside_a_loopback_dashboard_and_is_off_by_default()
    {
        var open = _project.Load("""
            services:
              api: { command: python3 }
            dashboard: { listen: "127.0.0.1:7070" }
            metrics: { public: true }
            """);
        var closed = _project.Load("""
            services:
              api: { command: python3 }
            dashboard: { listen: "localhost:7070" }
            """);

        Assert.Empty(open.Diagnostics);
        Assert.True(open.Config!.Metrics.Public);
        Assert.False(closed.Config!.Metrics.Public);
    }

    [Fact]
    public void Public_beside_a_listener_that_is_not_loopback_is_an_error()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3 }
            dashboard: { listen: "0.0.0.0:7070", allow_remote: true }
            metrics: { public: true }
            """);

        Assert.Equal(
        [
            "aurora.yaml:4:20: metrics.public: opens /metrics without the token, which is allowed only on a loopback dashboard listener, and dashboard.listen is \"0.0.0.0:7070\"; scrape it with the bearer token in .aurora/token instead (authorization: { credentials_file: .aurora/token })",
        ], problems);
    }

    [Fact]
    public void Public_without_a_dashboard_is_a_warning_since_it_does_nothing()
    {
        var result = _project.Load("""
            services:
              api: { command: python3 }
            metrics: { public: true }
            """);

        var warning = Assert.Single(result.Diagnostics);
        Assert.True(warning.IsWarning);
        Assert.StartsWith("aurora.yaml:3:20: warning: metrics.public: has no effect without a dashboard: listener", warning.ToString());
        Assert.False(result.Config!.Metrics.Public);
    }

    [Fact]
    public void An_unknown_metrics_key_is_an_error_with_a_suggestion()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3 }
            dashboard: { listen: "127.0.0.1:7070" }
            metrics: { pubilc: true }
            """);

        Assert.Single(problems);
        Assert.StartsWith("aurora.yaml:4:12: metrics.pubilc: ", problems[0]);
        Assert.Contains("public", problems[0][30..]);
    }

    [Fact]
    public void Public_is_rendered_and_a_reload_that_flips_it_lists_metrics_among_the_settings()
    {
        var closed = _project.Load("""
            services:
              api: { command: python3 }
            dashboard: { listen: "127.0.0.1:7070" }
            """).Config!;
        var open = _project.Load("""
            services:
              api: { command: python3 }
            dashboard: { listen: "127.0.0.1:7070" }
            metrics: { public: true }
            """).Config!;

        Assert.Contains("\nmetrics: { public: true }\n", ConfigRenderer.Render(open, new Dictionary<string, string>()));
        Assert.DoesNotContain("metrics:", ConfigRenderer.Render(closed, new Dictionary<string, string>()));
        Assert.Equal(["metrics"], ReloadPlanner.Plan(closed, open).Settings);
    }
}
