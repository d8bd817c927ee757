using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Store;

/// `aurora history` (the real CLI) against a daemon that recorded a port conflict.
public class HistoryCliTests
{
    [Fact(Timeout = 90000)]
    public async Task History_finds_a_recorded_port_conflict_by_plain_words_in_the_spec_shape()
    {
        var ct = TestContext.Current.CancellationToken;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var project = TestProject.Create($$"""
            services:
              api:
                command: ["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', {{port}})); s.listen()"]
                restart: { policy: never }
            """);
        await using var daemon = await project.StartDaemonAsync();
        var opened = await daemon.WaitForEvent(EventTypes.IncidentOpened, "api");
        await daemon.Runtime.Events.FlushAsync(ct);

        var json = await project.Cli(ct, "history", "--json");
        Assert.True(json.ExitCode == 0, json.Output);
        using (var doc = JsonDocument.Parse(json.Output))
        {
            var incident = doc.RootElement.GetProperty("incidents")[0];
            foreach (var key in new[] { "id", "service", "cause", "opened", "resolved", "evidence", "fixes", "signature", "occurrences" })
            {
                Assert.True(incident.TryGetProperty(key, out _), $"incident has no \"{key}\": {incident}");
            }

            Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("events").ValueKind);
        }

        var history = JsonSerializer.Deserialize(json.Output, AuroraJsonContext.Default.HistoryDto)!;
        var found = Assert.Single(history.Incidents);
        Assert.Equal(opened.Data.GetProperty("id").GetString(), found.Id);
        Assert.Equal("api", found.Service);
        Assert.Equal("port_conflict", found.Cause);
        Assert.Null(found.Resolved);
        Assert.Contains(found.Evidence, l => l.Contains("Address already in use", StringComparison.Ordinal));
        Assert.Equal(1, found.Occurrences);

        var words = await project.Cli(ct, "history", "port conflict");
        Assert.True(words.ExitCode == 0, words.Output);
        Assert.Contains(found.Id, words.Output);
        Assert.Contains("port_conflict", words.Output);
        Assert.Contains("Address already in use", words.Output);

        var byCause = await project.Cli(ct, "history", "--cause", "port_conflict", "--service", "api", "--since", "1h", "--json");
        Assert.Equal(found.Id, JsonSerializer.Deserialize(byCause.Output, AuroraJsonContext.Default.HistoryDto)!.Incidents.Single().Id);

        var none = await project.Cli(ct, "history", "disk full");
        Assert.Contains("no matching incidents or events", none.Output);

        var bad = await project.Cli(ct, "history", "--since", "yesterday-ish");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("since \"yesterday-ish\" is not understood", bad.Output);
    }
}
