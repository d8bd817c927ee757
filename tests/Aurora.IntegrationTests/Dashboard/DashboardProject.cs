using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Dashboard;

/// A project whose daemon (in this process) also listens on a free loopback TCP port.
internal static class DashboardProject
{
    /// `dashboard` adds keys to the dashboard section, e.g. `hosts: [aurora.test]`.
    public static (TestProject Project, int Port) Create(string services = "sleeper: { command: [\"sleep\", \"1000\"] }", string dashboard = "")
    {
        var port = FreePort.Next();
        var project = TestProject.Create($$"""
            version: 1
            services:
              {{services}}
            dashboard: { listen: "127.0.0.1:{{port}}"{{(dashboard.Length > 0 ? ", " + dashboard : "")}} }
            """);
        return (project, port);
    }

    public static HttpClient Client(int port, string? token = null)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return http;
    }
}
