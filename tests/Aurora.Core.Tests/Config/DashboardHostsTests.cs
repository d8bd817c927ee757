namespace Aurora.Core.Tests.Config;

/// `dashboard.hosts`: the extra Host names the TCP listener accepts (DNS rebinding guard).
public sealed class DashboardHostsTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Hosts_are_read_in_lower_case_and_default_to_none()
    {
        var with = _project.Load("""
            services:
              api: { command: python3 }
            dashboard: { listen: "127.0.0.1:7070", hosts: ["Aurora.Internal", "box-1", "10.0.0.5", "[::1]"] }
            """).Config!;
        var without = _project.Load("""
            services:
              api: { command: python3 }
            dashboard: { listen: "127.0.0.1:7070" }
            """).Config!;

        Assert.Equal(["aurora.internal", "box-1", "10.0.0.5", "[::1]"], with.Dashboard!.Hosts);
        Assert.Empty(without.Dashboard!.Hosts);
    }

    [Fact]
    public void A_bad_host_entry_is_reported_at_its_position()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3 }
            dashboard:
              listen: "127.0.0.1:7070"
              hosts: ["ok.example", "http://evil.example/", "-bad", { name: x }]
            """);

        Assert.Equal(
        [
            "aurora.yaml:5:25: dashboard.hosts[1]: \"http://evil.example/\" is not a host name; give the name a browser uses for the dashboard, without scheme, port or path, e.g. hosts: [\"aurora.internal\"]",
            "aurora.yaml:5:49: dashboard.hosts[2]: \"-bad\" is not a host name; give the name a browser uses for the dashboard, without scheme, port or path, e.g. hosts: [\"aurora.internal\"]",
            "aurora.yaml:5:57: dashboard.hosts[3]: expected a host name, got a mapping",
        ], problems);
    }

    [Fact]
    public void The_same_file_loaded_twice_gives_equal_dashboard_settings()
    {
        const string yaml = """
            services:
              api: { command: python3 }
            dashboard: { listen: "127.0.0.1:7070", hosts: ["aurora.internal"] }
            """;

        // The reload planner compares the two with ==: a list compared by reference would read as a change.
        Assert.Equal(_project.Load(yaml).Config!.Dashboard, _project.Load(yaml).Config!.Dashboard);
    }
}
