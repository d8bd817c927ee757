using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Aurora.Core.Health;

/// GET the URL: 2xx and 3xx are healthy. Redirects are not followed (a 302 to a login page means
/// the service is up). One HttpClient for every HttpProbe, so 200 services checked every second share
/// one connection pool and keep their connections alive instead of opening a socket per check.
public sealed class HttpProbe(Uri url, TimeSpan timeout, TimeProvider time) : IHealthProbe
{
    private static readonly HttpClient Client = CreateClient();

    public Uri Url { get; } = url;

    public async Task<HealthResult> CheckAsync(CancellationToken ct)
    {
        var start = time.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url);
            // ResponseHeadersRead: the body is not buffered; disposing the response lets the handler
            // drain it (up to MaxResponseDrainSize) so the connection goes back to the pool.
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return new HealthResult(code is >= 200 and < 400, $"HTTP {code}", time.GetElapsedTime(start));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new HealthResult(false, ProbeText.TimedOut(timeout), time.GetElapsedTime(start), TimedOut: true);
        }
        catch (OperationCanceledException)
        {
            // Cancelled without ct: the handler's ConnectTimeout backstop fired.
            return new HealthResult(false, "connect timed out", time.GetElapsedTime(start), TimedOut: true);
        }
        catch (HttpRequestException ex)
        {
            return new HealthResult(false, Describe(ex), time.GetElapsedTime(start));
        }
        catch (Exception ex)
        {
            return new HealthResult(false, ex.Message, time.GetElapsedTime(start));
        }
    }

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException se)
            {
                return ProbeText.Socket(se.SocketErrorCode);
            }
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.ResponseEnded => "connection closed before a response",
            HttpRequestError.InvalidResponse => "invalid HTTP response",
            HttpRequestError.NameResolutionError => "host not found",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            _ => ex.Message,
        };
    }

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // Rotate pooled connections so a service that moved (DNS, restart on a new address) is found again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            // A backstop only: each check's own timeout (its CancellationToken) is normally far shorter.
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxResponseDrainSize = 64 * 1024,
            ResponseDrainTimeout = TimeSpan.FromSeconds(1),
            // Checks target the services Aurora runs, usually on loopback: never send them through HTTP_PROXY.
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("aurora-health", "1"));
        return client;
    }
}
