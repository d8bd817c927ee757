using Aurora.Core.Diagnosis;

namespace Aurora.Core.Tests.Diagnosis;

public class EndpointsTests
{
    [Theory]
    [InlineData("Error: listen EADDRINUSE: address already in use :::3000", 3000)]
    [InlineData("Error: listen EADDRINUSE: address already in use ::1:18081", 18081)]
    [InlineData("2026/12/01 18:29:43 [emerg] 1020#1020: bind() to [::1]:18081 failed (98: Address already in use)", 18081)]
    [InlineData("1023:M 01 Dec 2026 18:29:46.545 # Failed listening on port 18080 (TCP), aborting.", 18080)]
    [InlineData("listen tcp :8080: bind: address already in use", 8080)]
    [InlineData("  port: 18080", 18080)]
    [InlineData("Warning: Could not create server TCP listening socket *:6379: bind: Address already in use", 6379)]
    public void Ports_are_read_from_the_shapes_programs_print(string line, int port) =>
        Assert.Equal([port], Endpoints.Ports(line).Distinct());

    [Theory]
    [InlineData("    at Server.setupListenHandle [as _listen2] (node:net:1908:16)")]
    [InlineData("2026-12-01T18:29:43.118Z 18:29:43 done")]
    [InlineData("\tat Hog.main(Hog.java:120)")]
    [InlineData("  File \"/srv/app.py\", line 472, in server_bind")]
    public void Times_and_source_positions_are_not_ports(string line) => Assert.Empty(Endpoints.Ports(line));

    [Theory]
    [InlineData("psql: error: connection to server at \"127.0.0.1\", port 5499 failed: Connection refused", "127.0.0.1:5499")]
    [InlineData("curl: (7) Failed to connect to 127.0.0.1 port 8088 after 0 ms: Couldn't connect to server", "127.0.0.1:8088")]
    [InlineData("using redis://:s3cret@cache.internal:6380/0", "cache.internal:6380")]
    [InlineData("db at postgresql://app:***@localhost:5432/app", "localhost:5432")]
    [InlineData("Error: connect ECONNREFUSED ::1:5432", "[::1]:5432")]
    [InlineData("    s = socket.create_connection((\"localhost\", 47146), timeout=5)", "localhost:47146")]
    [InlineData("    r = redis.Redis(host='cache.internal', port=6380, db=0)", "cache.internal:6380")]
    public void Host_and_port_are_read_together(string line, string hostPort) => Assert.Equal(hostPort, Endpoints.HostPorts(line).First());
}
