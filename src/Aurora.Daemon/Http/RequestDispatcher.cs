using System.Net.Sockets;

namespace Aurora.Daemon.Http;

/// Hands a request to its route (after the TCP guard, for requests over TCP) and turns what goes wrong
/// before the response starts into a JSON error.
internal sealed class RequestDispatcher(Router router)
{
    /// Runs first for every request over TCP; returns false when it has answered (refused) the request itself.
    public Func<HttpExchange, Task<bool>>? TcpGuard { get; set; }

    public async Task DispatchAsync(HttpExchange x)
    {
        try
        {
            if (x.OverTcp && TcpGuard is { } guard && !await guard(x))
            {
                return;
            }

            if (router.Match(x, out var wrongMethod) is not { } handler)
            {
                await (wrongMethod
                    ? x.ErrorAsync(405, "method_not_allowed", $"{x.Request.Method} is not allowed on {x.Request.RawPath}")
                    : x.ErrorAsync(404, "not_found", $"no route {x.Request.RawPath}; see SPEC §7"));
                return;
            }

            await handler(x);
            if (!x.ResponseStarted)
            {
                await x.ErrorAsync(500, "no_response", "the route wrote no response");
            }
        }
        catch (HttpProtocolException ex) when (!x.ResponseStarted)
        {
            await x.ErrorAsync(ex.Status, ex.Code, ex.Message);
        }
        catch (Exception ex) when (!x.ResponseStarted && Descriptors.Exhausted(ex))
        {
            // What the route needed (a log file, a database connection, a process) takes a descriptor and there is
            // none: say so, and the daemon goes on.
            DaemonLog.Say($"aurora: {x.Request.Method} {x.Request.RawPath}: out of file descriptors: {ex.Message}");
            await x.ErrorAsync(503, "out_of_descriptors", $"the daemon is out of file descriptors ({ex.Message}); retry once connections close, or raise `ulimit -n`");
        }
        catch (Exception ex) when (!x.ResponseStarted && ex is not (OperationCanceledException or IOException or SocketException))
        {
            await Console.Error.WriteLineAsync($"aurora: {x.Request.Method} {x.Request.RawPath} failed: {ex}");
            await x.ErrorAsync(500, "internal_error", ex.Message);
        }
    }

}
