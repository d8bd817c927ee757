using System.Text.Json;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.ConfigPower;

/// `profiles:` through the real CLI: a profile's services start only with `up --profile` (or AURORA_PROFILES),
/// `aurora start NAME` starts one anyway, the daemon remembers the profiles for reload, validate catches a dependency
/// on a service no active profile starts.
public class ProfileTests
{
    private const string Yaml = """
        services:
          api: { command: ["sleep", "1000"] }
          debugger: { command: ["sleep", "1000"], profiles: [debug] }
        """;

    private static async Task<Dictionary<string, string>> States(TestProject project, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse((await project.Cli(ct, "status", "--json")).Output);
        return doc.RootElement.GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("state").GetString()!);
    }

    [Fact(Timeout = 60000)]
    public async Task A_profile_service_starts_only_with_its_profile_or_by_hand()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Yaml);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        Assert.Equal("stopped", (await States(project, ct))["debugger"]);

        var start = await project.Cli(ct, "start", "debugger");
        Assert.True(start.ExitCode == 0, start.Output);
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "debugger");
    }

    [Fact(Timeout = 60000)]
    public async Task Up_with_a_profile_starts_its_services_and_a_reload_keeps_the_profile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Yaml);
        var up = await project.Cli(ct, "up", "-d", "--profile", "debug");
        try
        {
            Assert.True(up.ExitCode == 0, up.Output);
            using var client = new Aurora.Cli.Client.ControlClient(project.Paths);
            var events = await Store.EventFeed.ReadUntilAsync(client, 0,
                seen => seen.Count(e => e.Type == EventTypes.ServiceStarted) == 2, ct).DefaultTimeout();
            Assert.Equal(["api", "debugger"], events.Where(e => e.Type == EventTypes.ServiceStarted).Select(e => e.Service).Order());

            // A service added by a reload under the same profile starts too: the daemon remembers --profile debug.
            project.Write(Yaml + "\n  tracer: { command: [\"sleep\", \"1000\"], profiles: [debug] }\n");
            var reload = await project.Cli(ct, "reload");
            Assert.True(reload.ExitCode == 0, reload.Output);
            await Store.EventFeed.ReadUntilAsync(client, events[^1].Seq,
                seen => seen.Any(e => e.Type == EventTypes.ServiceStarted && e.Service == "tracer"), ct).DefaultTimeout();
        }
        finally
        {
            await project.Cli(ct, "down");
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Validate_catches_a_dependency_on_a_service_no_active_profile_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              api: { command: ["sleep", "1000"], depends_on: [debugger] }
              debugger: { command: ["sleep", "1000"], profiles: [debug] }
            """);

        var plain = await project.Cli(ct, "validate");
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("\"debugger\" starts only with profile debug, which is not active", plain.Output);
        Assert.Equal(0, (await project.Cli(ct, "validate", "--profile", "debug")).ExitCode);
    }
}
