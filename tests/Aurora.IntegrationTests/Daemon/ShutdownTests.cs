using System.Net.WebSockets;
using Aurora.Cli.Client;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Daemon;

public class ShutdownTests
{
    /// Kestrel waited for the open stream until the 30 s shutdown timeout: `aurora down` hung while a
    /// dashboard or `aurora events -f` was connected.
    [Fact(Timeout = 60000)]
    public async Task Open_event_stream_does_not_hold_up_daemon_shutdown()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              sleeper: { command: ["sleep", "1000"] }
            """);
        var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths);
        using var socket = new ClientWebSocket();
        using var invoker = client.Invoker();
        await socket.ConnectAsync(new Uri("ws://localhost/api/v1/events/stream?after=0"), invoker, ct).DefaultTimeout();
        var buffer = new byte[8192];
        await socket.ReceiveAsync(buffer, ct).DefaultTimeout();

        await daemon.DisposeAsync().AsTask().DefaultTimeout(TimeSpan.FromSeconds(10));

        // The stream ends (a close frame, or the connection dropping as the server goes) instead of hanging.
        await ReadToEndAsync(socket, buffer, ct).DefaultTimeout();
        Assert.NotEqual(WebSocketState.Open, socket.State);
    }

    private static async Task ReadToEndAsync(ClientWebSocket socket, byte[] buffer, CancellationToken ct)
    {
        try
        {
            while ((await socket.ReceiveAsync(buffer, ct)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (WebSocketException)
        {
        }
    }
}
