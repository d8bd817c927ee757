using System.Net.Http.Headers;
using System.Threading.Channels;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Daemon.Api;

namespace Aurora.Daemon.Notify;

/// `notify:` (SPEC §3): POSTs each chosen event, as its JSON, to each webhook. Reads the committed stream,
/// so supervision never waits on it; each webhook has its own bounded queue and worker, so a slow or dead
/// endpoint delays only itself. Failed posts are retried with backoff; a post that never succeeds is
/// recorded as a `notify.failed` event (never itself sent to webhooks). A reload hands it the new list
/// (Update): unchanged webhooks keep their queues, removed ones stop, added ones get the events from then on.
public sealed class WebhookNotifier : IAsyncDisposable
{
    public const int QueueCapacity = 1000;

    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15)];

    private readonly EventLog _events;
    private readonly TimeProvider _time;

    // A webhook's answer is its status: redirects are not followed (one could send the POST on to anything
    // the daemon can reach, a service on the loopback say), the body is never read and the headers are
    // capped, so a hostile endpoint cannot make the daemon buffer without end.
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        UseProxy = false,
        AllowAutoRedirect = false,
        MaxResponseHeadersLength = 16,
        MaxResponseDrainSize = 0,
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
        MaxResponseContentBufferSize = 64 * 1024,
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _retired = [];
    // Replaced whole, never changed in place: the watch reads it without the lock.
    private volatile Target[] _targets;
    private bool _started;
    private Task? _watch;

    public WebhookNotifier(IEnumerable<NotifyConfig> targets, EventLog events, TimeProvider time)
    {
        _events = events;
        _time = time;
        _targets = [.. targets.Select(t => NewTarget(t, afterSeq: 0))];
    }

    /// One webhook: events after AfterSeq that it asked for go to its queue, drained by its worker.
    private sealed record Target(NotifyConfig Config, long AfterSeq, Channel<AuroraEvent> Queue, CancellationTokenSource Stop, Task Worker);

    public void Start(long afterSeq)
    {
        lock (_gate)
        {
            _started = true;
            if (_targets.Length > 0)
            {
                _watch = Task.Run(() => WatchAsync(afterSeq, _stop.Token));
            }
        }
    }

    /// Takes the webhook list of a reloaded config.
    public void Update(IEnumerable<NotifyConfig> targets)
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                // Disposed (or being disposed): a reload racing the shutdown has nobody left to notify.
                return;
            }

            var now = _events.LastCommittedSeq;
            var old = _targets;
            var kept = new HashSet<Target>();
            var next = new List<Target>();
            foreach (var config in targets)
            {
                var same = old.FirstOrDefault(t => t.Config == config && !kept.Contains(t));
                next.Add(same ?? NewTarget(config, now));
                if (same is not null)
                {
                    kept.Add(same);
                }
            }

            foreach (var gone in old.Where(t => !kept.Contains(t)))
            {
                gone.Stop.Cancel();
                gone.Queue.Writer.TryComplete();
                _retired.Add(gone.Worker.ContinueWith(_ => gone.Stop.Dispose(), TaskScheduler.Default));
            }

            _targets = [.. next];
            if (_started && _watch is null && _targets.Length > 0)
            {
                _watch = Task.Run(() => WatchAsync(now, _stop.Token));
            }
        }
    }

    private Target NewTarget(NotifyConfig config, long afterSeq)
    {
        var queue = Channel.CreateBounded<AuroraEvent>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        return new Target(config, afterSeq, queue, stop, Task.Run(() => DeliverAsync(config, queue.Reader, stop.Token)));
    }

    private async Task WatchAsync(long after, CancellationToken ct)
    {
        await foreach (var e in _events.FollowAsync(after, ct))
        {
            if (e.Type.StartsWith("notify.", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var target in _targets)
            {
                if (e.Seq > target.AfterSeq && (target.Config.Events.IsEmpty || target.Config.Events.Contains(e.Type)))
                {
                    target.Queue.Writer.TryWrite(e);
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
                    _events.Publish(EventTypes.NotifyFailed, e.Service, new EventData().Add("webhook", Origin(target.Webhook)).Add("event_seq", e.Seq)
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
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? null
                : status is >= 300 and < 400 ? $"HTTP {status} (redirects are not followed)"
                : $"HTTP {status}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task[] workers;
        lock (_gate)
        {
            foreach (var target in _targets)
            {
                target.Queue.Writer.TryComplete();
            }

            workers = [.. _targets.Select(t => t.Worker), .. _retired, _watch ?? Task.CompletedTask];
        }

        await Task.WhenAll(workers).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var target in _targets)
        {
            target.Stop.Dispose();
        }

        _http.Dispose();
        _stop.Dispose();
    }

    /// A webhook URL as events show it: scheme and host only (its path or query may hold a token).
    public static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority[(uri.Authority.LastIndexOf('@') + 1)..]}" : "(invalid url)";
}
