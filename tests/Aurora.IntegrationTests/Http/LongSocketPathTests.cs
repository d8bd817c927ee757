using System.Net.Sockets;
using System.Text;
using Aurora.Core.Config;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Http;

/// A project deep enough that `.aurora/aurora.sock` overflows sun_path (108 bytes) used to kill the
/// daemon with a stack trace (issue 19 finding 7); the socket is now bound through its directory.
public sealed class LongSocketPathTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aurora-long-").FullName;

    private string LongDirectory
    {
        get
        {
            var dir = Path.Combine(_root, new string('d', 60), new string('e', 60));
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_socket_path_longer_than_sun_path_is_bound_and_reachable_Issue19_7()
    {
        var dir = LongDirectory;
        Assert.True(Encoding.UTF8.GetByteCount(Path.Combine(dir, "s.sock")) > UnixSocketPath.MaxBytes);
        await using var server = new HttpTestServer(dir: dir).Start();

        using var client = await server.UnixAsync();
        await client.SendAsync("GET /hello/deep HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Contains("hi deep", (await client.ReadResponseAsync()).Body);
        Assert.True(File.Exists(server.SocketPath));
    }

    [Fact(Timeout = 60000)]
    public async Task The_daemon_serves_a_project_whose_socket_path_overflows_sun_path_Issue19_7()
    {
        var dir = LongDirectory;
        File.WriteAllText(Path.Combine(dir, "aurora.yaml"), """
            version: 1
            services:
              sleeper: { command: ["sleep", "1000"] }
            """);
        var config = ConfigLoader.Load(Path.Combine(dir, "aurora.yaml")).Config!;
        using var stop = new CancellationTokenSource();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Run(() => DaemonHost.RunAsync(config, (_, _) =>
        {
            ready.TrySetResult();
            return Task.CompletedTask;
        }, stop.Token), TestContext.Current.CancellationToken);
        try
        {
            await (await Task.WhenAny(ready.Task, run).DefaultTimeout());

            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await UnixSocketPath.ConnectAsync(socket, new DaemonPaths(dir).Socket, TestContext.Current.CancellationToken);
            using var client = new RawHttpClient(socket);
            await client.SendAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");

            Assert.Contains("\"status\":\"ok\"", (await client.ReadResponseAsync()).Body);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(new DaemonPaths(dir).Socket));
        }
        finally
        {
            await stop.CancelAsync();
            await run.DefaultTimeout(TimeSpan.FromSeconds(30));
        }
    }
}
