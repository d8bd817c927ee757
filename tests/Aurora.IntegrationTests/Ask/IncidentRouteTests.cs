using System.Net;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Ask;

/// `GET /api/v1/incidents/{id}` (SPEC §7), and the failure memory behind "why did X fail".
public class IncidentRouteTests
{
    private const string Crasher = """
        version: 1
        services:
          api:
            command: ["sh", "-c", "echo 'OSError: [Errno 98] Address already in use'; exit 1"]
            restart: { policy: never }
        """;

    [Fact(Timeout = 60000)]
    public async Task An_incident_is_read_by_id_and_explains_why_the_service_failed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Crasher);
        await using var daemon = await project.StartDaemonAsync();
        var known = await daemon.WaitForEvent(e => e.Type is EventTypes.IncidentOpened or EventTypes.IncidentUpdated && e.Service == "api"
            && e.Data.TryGetProperty("cause", out var cause) && cause.GetString() == "port_conflict");
        var id = known.Data.GetProperty("id").GetString()!;
        await daemon.Runtime.Events.FlushAsync(ct);
        using var client = new ControlClient(project.Paths);

        var incident = await client.GetAsync($"/api/v1/incidents/{id}", AuroraJsonContext.Default.IncidentDto, ct);
        Assert.Equal(id, incident.Id);
        Assert.Equal("api", incident.Service);
        Assert.Equal("port_conflict", incident.Cause);
        Assert.Contains(incident.Evidence, l => l.Contains("Address already in use", StringComparison.Ordinal));

        using var asking = new ControlClient(project.Paths, source: "ask");
        var why = await AskRouteTests.AskAsync(asking, "why did the api crash?", false, ct);
        Assert.True(why.Result!.Text.Contains($"{id} api: port conflict (port_conflict)", StringComparison.Ordinal), why.Result.Text);
        Assert.Contains("Address already in use", why.Result.Text);
        Assert.Contains("  evidence: ", why.Result.Text);
        Assert.Equal(id, Assert.Single(why.Result.Incidents!).Id);
    }

    [Theory(Timeout = 60000)]
    [InlineData("inc-999")]
    [InlineData("nonsense")]
    public async Task An_unknown_incident_is_a_404_with_a_json_error(string id)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(AskRouteTests.TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths);

        using var response = await client.Http.GetAsync($"/api/v1/incidents/{id}", ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = System.Text.Json.JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(ct), AuroraJsonContext.Default.ErrorDto)!;
        Assert.Equal("incident_not_found", error.Error.Code);
        Assert.Contains(id, error.Error.Message);
    }
}
