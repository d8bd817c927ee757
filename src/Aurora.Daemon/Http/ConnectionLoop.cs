using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Aurora.Daemon.Http;

/// Serves one connection: request after request (keep-alive) until the client closes, a response ends
/// it, a head does not arrive within the listener's head timeout, or the daemon stops.
internal sealed class ConnectionLoop(RequestDispatcher dispatcher, OpenConnections open, TimeProvider time, CancellationToken stopping)
{
    // Stands in for a request whose framing could not be trusted, when answering it.
    private static readonly HttpRequest Unframed = HttpRequest.Parse("GET / HTTP/1.0"u8);

    public async Task ServeAsync(HttpConnection connection)
    {
        open.Add(connection);
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        var onStop = stopping.Register(static s => ((CancellationTokenSource)s!).Cancel(), deadline);
        var started = new StrongBox<bool>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // The head and body of the next request must arrive within the head timeout (counted
                // from now: an idle kept-alive connection is closed when it runs out too).
                started.Value = false;
                deadline.CancelAfter(connection.Limits.HeadTimeout);
                if (await HeadReader.ReadAsync(connection.Stream, started, deadline.Token) is not { } request)
                {
                    return;
                }

                request.Body = await BodyReader.ReadAsync(connection.Stream, request, deadline.Token);
                deadline.CancelAfter(Timeout.InfiniteTimeSpan);
                if (!await ServeRequestAsync(connection, request))
                {
                    return;
                }
            }
        }
        catch (HttpProtocolException ex)
        {
            await RefuseAsync(connection, ex.Status, ex.Code, ex.Message);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stopping.IsCancellationRequested && started.Value)
        {
            await RefuseAsync(connection, 408, "request_timeout",
                $"the request did not arrive whole within {connection.Limits.HeadTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away, idled out, stopped reading, or the daemon is stopping.
        }
        catch (Exception ex)
        {
            // A route failed after its response had started: all that can be done is to cut the connection.
            await Console.Error.WriteLineAsync($"aurora: a request failed mid-response: {ex}");
        }
        finally
        {
            await onStop.DisposeAsync();
            connection.Dispose();
            open.Remove(connection);
        }
    }

    /// A connection the daemon has no descriptors to serve (DescriptorGuard): answered 503 out_of_descriptors at once
    /// (its request is most often in the socket already: a client writes right after connecting, before the accept),
    /// then given RefusalDrain to finish sending its head, so that over TCP the close does not reset the answer away,
    /// and closed. An idle client holds the descriptor no longer than that.
    public async Task RefuseAsync(HttpConnection connection, string message)
    {
        open.Add(connection);
        try
        {
            await RefuseAsync(connection, 503, "out_of_descriptors", message);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(RefusalDrain);
            try
            {
                _ = await HeadReader.ReadAsync(connection.Stream, new StrongBox<bool>(), deadline.Token);
            }
            catch (Exception ex) when (ex is HttpProtocolException or OperationCanceledException or IOException or SocketException
                or ObjectDisposedException)
            {
                // Answered already.
            }
        }
        finally
        {
            connection.Dispose();
            open.Remove(connection);
        }
    }

    /// How long a refused connection may take to finish sending its request head.
    public static readonly TimeSpan RefusalDrain = TimeSpan.FromMilliseconds(100);

    /// True when the connection may carry another request.
    private async Task<bool> ServeRequestAsync(HttpConnection connection, HttpRequest request)
    {
        var exchange = new HttpExchange(request, connection, stopping);
        try
        {
            await dispatcher.DispatchAsync(exchange);
            exchange.Completed();
        }
        finally
        {
            exchange.Dispose();
        }

        return exchange.KeepAlive;
    }

    /// Answered as to an HTTP/1.0 request: the usual JSON error, then Connection: close.
    private async Task RefuseAsync(HttpConnection connection, int status, string code, string message)
    {
        try
        {
            await new HttpExchange(Unframed, connection, stopping).ErrorAsync(status, code, message);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
