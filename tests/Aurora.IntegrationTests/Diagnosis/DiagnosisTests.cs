using System.Net;
using System.Net.Sockets;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Diagnosis;

/// Real failing programs, each diagnosed into its SPEC §6 cause from what actually happened.
public class DiagnosisTests
{
    [Fact(Timeout = 60000)]
    public async Task Real_failures_are_diagnosed_into_their_causes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var refused = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        await using var project = TestProject.Create($$"""
            services:
              bind:
                command: ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', {{held}})); s.listen()"]
                ports: [{{held}}]
                restart: { policy: never }
              module:
                command: ["python3", "-c", "import flask_that_is_not_installed"]
                restart: { policy: never }
              nocmd:
                command: ["aurora-no-such-command-xyz"]
                restart: { policy: never }
              noexec:
                command: ["./run.sh"]
                restart: { policy: never }
              full:
                command: ["python3", "-c", "open('/dev/full', 'w').write('x' * 100000)"]
                restart: { policy: never }
              memory:
                command: ["python3", "-c", "x = bytearray(10**15)"]
                restart: { policy: never }
              usage:
                command: ["python3", "-c", "import argparse; p = argparse.ArgumentParser(); p.add_argument('--port', required=True); p.parse_args()"]
                restart: { policy: never }
              refused:
                command: ["python3", "-c", "import socket; socket.create_connection(('127.0.0.1', {{refused}}))"]
                restart: { policy: never }
            """);
        File.WriteAllText(Path.Combine(project.Dir, "run.sh"), "#!/bin/sh\necho hi\n");

        await using var daemon = await project.StartDaemonAsync();
        var expected = new Dictionary<string, string>
        {
            ["bind"] = "port_conflict",
            ["module"] = "missing_dependency",
            ["nocmd"] = "missing_dependency",
            ["noexec"] = "permission_denied",
            ["full"] = "disk_full",
            ["memory"] = "out_of_memory",
            ["usage"] = "config_error",
            ["refused"] = "dependency_unavailable",
        };
        foreach (var (service, cause) in expected)
        {
            var diagnosed = await daemon.WaitForEvent(EventTypes.IncidentDiagnosed, service);
            Assert.True(cause == diagnosed.Data.GetProperty("cause").GetString(),
                $"{service}: expected {cause}, got {diagnosed.Data.GetRawText()}");
        }

        var bind = await daemon.WaitForEvent(EventTypes.IncidentDiagnosed, "bind");
        Assert.Equal($"port {held} is held by pid {Environment.ProcessId} ({string.Join(' ', ProcessTable.CommandLine(Environment.ProcessId)!)})",
            bind.Data.GetProperty("evidence")[0].GetString());
        Assert.True(holder.Server.IsBound, "the foreign holder must be left alone");
        _ = ct;
    }
}
