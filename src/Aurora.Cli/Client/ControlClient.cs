using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization.Metadata;
using Aurora.Contracts.V1;
using Aurora.Layout;

namespace Aurora.Cli.Client;

/// The CLI's only way to the daemon: HTTP over `.aurora/aurora.sock`. No server code runs on this path.
internal sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SocketsHttpHandler _handler;

    /// source: who asks, sent as X-Aurora-Source and put on the events the requests cause (SPEC §5 data.source):
    /// `cli` for the commands, `ask` for `aurora ask`, `mcp` for the MCP server.
    public ControlClient(DaemonPaths paths, TimeSpan? timeout = null, string source = "cli")
    {
        Paths = paths;
        var handler = _handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await UnixSocketPath.ConnectAsync(socket, paths.Socket, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException ex)
                {
                    socket.Dispose();
                    throw new DaemonNotRunningException(paths, ex);
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost"), Timeout = timeout ?? TimeSpan.FromMinutes(5) };

        // Events a request causes name who asked (SPEC §5 data.source).
        _http.DefaultRequestHeaders.Add("X-Aurora-Source", source);
    }

    public DaemonPaths Paths { get; }

    public HttpClient Http => _http;

    /// For ClientWebSocket.ConnectAsync over the same unix socket.
    public HttpMessageInvoker Invoker() => new(_handler, disposeHandler: false);

    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return (await response.Content.ReadFromJsonAsync(type, ct))!;
    }

    public async Task<string> GetRawAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task<T> PostAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path), ct);
        return (await response.Content.ReadFromJsonAsync(type, ct))!;
    }

    public async Task<TResponse> PostJsonAsync<TRequest, TResponse>(string path, TRequest body, JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, requestType) };
        using var response = await SendAsync(request, ct);
        return (await response.Content.ReadFromJsonAsync(responseType, ct))!;
    }

    /// Sends and turns an API error body into an ApiException with its code and message.
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException ex) when (ex.InnerException is DaemonNotRunningException notRunning)
        {
            throw notRunning;
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            ErrorDto? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync(AuroraJsonContext.Default.ErrorDto, ct);
            }
            catch (System.Text.Json.JsonException)
            {
            }

            throw new ApiException((int)response.StatusCode, error?.Error.Code ?? "http_error",
                error?.Error.Message ?? $"HTTP {(int)response.StatusCode}", error?.Error.Details ?? []);
        }
    }

    public void Dispose() => _http.Dispose();
}

internal sealed class DaemonNotRunningException(DaemonPaths paths, Exception? inner = null)
    : Exception($"no Aurora daemon is running for {paths.ProjectDirectory} (start one with `aurora up -d`)", inner);

internal sealed class ApiException(int status, string code, string message, IReadOnlyList<string> details) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IReadOnlyList<string> Details { get; } = details;
}
