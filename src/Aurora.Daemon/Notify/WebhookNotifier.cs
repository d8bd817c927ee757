using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Daemon.Api;

namespace Aurora.Daemon.Notify;

/// `notify:` (SPEC §3): POSTs each chosen event, as its JSON, to each webhook. Reads the committed stream,
/// so supervision never waits on it; each webhook has its own bounded queue and worker, so a slow or dead
/// endpoint delays only itself. Failed posts are retried with backoff; a post that never succeeds is
/// recorded as a `notify.failed` event (never itself sent to webhooks).
public sealed class WebhookNotifier : IAsyncDisposable
{
    public const int QueueCapacity = 1000;

    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15)];

    private readonly EventLog _events;
    private readonly TimeProvider _time;
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(NotifyConfig Target, Channel<AuroraEvent> Queue, Task Worker)> _targets = [];
    private Task _watch = Task.CompletedTask;

    public WebhookNotifier(IEnumerable<NotifyConfig> targets, EventLog events, TimeProvider time)
    {
        _events = events;
        _time = time;
        foreach (var target in targets)
        {
            var queue = Channel.CreateBounded<AuroraEvent>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
            _targets.Add((target, queue, Task.Run(() => DeliverAsync(target, queue.Reader, _stop.Token))));
        }
    }

    public void Start(long afterSeq)
    {
        if (_targets.Count > 0)
        {
            _watch = Task.Run(() => WatchAsync(afterSeq, _stop.Token));
        }
    }

    private async Task WatchAsync(long after, CancellationToken ct)
    {
        await foreach (var e in _events.FollowAsync(after, ct))
        {
            if (e.Type.StartsWith("notify.", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (target, queue, _) in _targets)
            {
                if (target.Events.IsEmpty || target.Events.Contains(e.Type))
                {
                    queue.Writer.TryWrite(e);
                }
            }
        }
    }

    private async Task DeliverAsync(NotifyConfig target, ChannelReader<AuroraEvent> queue, CancellationToken ct)
    {
        try
        {
            await foreach (var e in queue.ReadAllAsync(ct))
            {
                var body = EventJson.Utf8(e);
                string? error = null;
                for (var attempt = 0; attempt <= Retries.Length; attempt++)
                {
                    error = await PostAsync(target.Webhook, body, ct);
                    if (error is null)
                    {
                        break;
                    }

                    if (attempt < Retries.Length)
                    {
                        await Task.Delay(Retries[attempt], _time, ct);
                    }
                }

                if (error is not null)
                {
                    _events.Publish(EventTypes.NotifyFailed, e.Service, new EventData().Add("webhook", target.Webhook).Add("event_seq", e.Seq)
                        .Add("event_type", e.Type).Add("attempts", Retries.Length + 1).Add("error", error).Build());
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// Null when the webhook answered 2xx; otherwise what went wrong.
    private async Task<string?> PostAsync(string url, byte[] body, CancellationToken ct)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(url, content, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (_, queue, _) in _targets)
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(_targets.Select(t => t.Worker).Append(_watch)).ContinueWith(_ => { }, TaskScheduler.Default);
        _http.Dispose();
        _stop.Dispose();
    }
}
