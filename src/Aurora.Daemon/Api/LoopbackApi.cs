using System.Net.Sockets;
using Aurora.Layout;

namespace Aurora.Daemon.Api;

/// The daemon's own control API, called over its own socket: how an ask reaches routes that other parts of
/// the daemon own (`POST /api/v1/daemon/restart`, `GET /api/v1/predictions`), as any client would, so that a
/// daemon without them answers 404 and says so.
internal sealed class LoopbackApi(string socketPath, string source)
{
    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await UnixSocketPath.ConnectAsync(socket, socketPath, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = new Uri("http://localhost") };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Aurora-Source", source);
        using var response = await http.SendAsync(request, ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }
}
