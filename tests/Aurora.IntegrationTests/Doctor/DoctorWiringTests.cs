using System.Net;
using System.Net.Sockets;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Doctor;

/// The doctor beyond its own command: `aurora up` says the cheap checks' findings before anything starts, and a
/// diagnosis names the finding that explains the failure.
public class DoctorWiringTests
{
    [Fact(Timeout = 90000)]
    public async Task Up_says_the_cheap_checks_findings_and_starts_anyway()
    {
        var ct = TestContext.Current.CancellationToken;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var project = TestProject.Create($$"""
            services:
              api:
                command: ["sleep", "1000"]
                ports: [{{held}}]
            """);

        var up = await project.Cli(ct, "up", "-d");
        try
        {
            Assert.True(up.ExitCode == 0, up.Output);
            Assert.Contains($"problem: api: port {held} is held by pid {Environment.ProcessId}", up.Output);
        }
        finally
        {
            await project.Cli(ct, "down");
        }
    }

    [Fact(Timeout = 90000)]
    public async Task A_port_conflict_diagnosis_names_the_doctor_finding_about_the_holder()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var project = TestProject.Create($$"""
            services:
              api:
                command: ["python3", "-c", "import socket; socket.socket().bind(('127.0.0.1', {{held}}))"]
                ports: [{{held}}]
                restart: { policy: never }
            """);
        await using var daemon = await project.StartDaemonAsync();

        var diagnosed = await daemon.WaitForEvent(e => e.Type == EventTypes.IncidentDiagnosed && e.Service == "api"
            && e.Data.TryGetProperty("confidence", out _));

        Assert.Equal("port_conflict", diagnosed.Data.GetProperty("cause").GetString());
        var evidence = diagnosed.Data.GetProperty("evidence").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains(evidence, l => l!.StartsWith($"doctor: ports: port {held} is held by pid {Environment.ProcessId}", StringComparison.Ordinal));
    }
}
