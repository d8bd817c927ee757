using System.Net;
using System.Net.Sockets;
using Aurora.Layout;

namespace Aurora.Daemon.Http;

/// One listening socket, its accept loop and its own connection budget.
internal sealed class Listener : IDisposable
{
    private readonly Socket _socket;

    private Listener(Socket socket, bool overTcp, ListenerLimits limits)
    {
        _socket = socket;
        OverTcp = overTcp;
        Limits = limits;
        Budget = new ConnectionBudget(limits);
    }

    public bool OverTcp { get; }

    public ListenerLimits Limits { get; }

    public ConnectionBudget Budget { get; }

    public EndPoint? LocalEndPoint => _socket.LocalEndPoint;

    public static Listener Unix(string path, ListenerLimits limits)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            UnixSocketPath.Bind(socket, path);
            socket.Listen(128);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new Listener(socket, overTcp: false, limits);
    }

    public static Listener Tcp(IPAddress address, int port, ListenerLimits limits)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // As Kestrel does on Linux: a restarted daemon can bind while old connections sit in TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(128);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new IOException($"cannot listen on {new IPEndPoint(address, port)}: {ex.Message}", ex);
        }

        return new Listener(socket, overTcp: true, limits);
    }

    public async Task AcceptAsync(ConnectionLoop loop, DescriptorGuard descriptors, TimeProvider time, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                || (ex is SocketException s && s.SocketErrorCode == SocketError.OperationAborted))
            {
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                // Out of descriptors (EMFILE) and the like: the connection waits in the backlog. Say so, give it a
                // moment, keep serving. Nothing here may end the loop: with `ulimit -n` reached, the daemon stopped
                // accepting for good and never said why (bench/chaos fd-exhaustion).
                DaemonLog.Say($"aurora: accept failed: {ex.Message}");
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, CancellationToken.None);
                continue;
            }

            if (!Budget.TryAdmit())
            {
                client.Dispose();
                continue;
            }

            var connection = new HttpConnection(new ConnectionStream(client, time, Limits.WriteTimeout), this);
            if (descriptors.Admit() is not { } refusal)
            {
                _ = loop.ServeAsync(connection);
            }
            else if (descriptors.TryStartRefusal())
            {
                _ = loop.RefuseAsync(connection, refusal).ContinueWith(_ => descriptors.EndRefusal(), TaskScheduler.Default);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    public void Dispose() => _socket.Dispose();

}
