using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Events;

public class WebhookTests
{
    /// A real HTTP listener on loopback that fails the first `failures` requests with 500.
    private sealed class Hook : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _failuresLeft;

        public Hook(int failures)
        {
            _failuresLeft = failures;
            _listener.Start();
            _loop = Task.Run(AcceptAsync);
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

        public Channel<(int Status, string Body)> Requests { get; } = Channel.CreateUnbounded<(int, string)>();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    var reader = new StreamReader(stream, Encoding.UTF8);
                    var length = 0;
                    while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } header)
                    {
                        if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        {
                            length = int.Parse(header["Content-Length:".Length..].Trim());
                        }
                    }

                    var body = new char[length];
                    var read = 0;
                    while (read < length)
                    {
                        read += await reader.ReadAsync(body.AsMemory(read), _stop.Token);
                    }

                    var status = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token);
                    Requests.Writer.TryWrite((status, new string(body)));
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Webhook_gets_the_event_json_after_retrying_failed_posts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hook = new Hook(failures: 2);
        await using var project = TestProject.Create($$"""
            services:
              job:
                command: ["sh", "-c", "exit 3"]
                restart: { policy: never }
            notify:
              - webhook: "{{hook.Url}}"
                events: [service.exited]
            """);
        await using var daemon = await project.StartDaemonAsync();
        var exited = await daemon.WaitForEvent(EventTypes.ServiceExited, "job");

        var statuses = new List<int>();
        string body;
        while (true)
        {
            var (status, text) = await hook.Requests.Reader.ReadAsync(ct).AsTask().DefaultTimeout();
            statuses.Add(status);
            if (status == 200)
            {
                body = text;
                break;
            }
        }

        Assert.Equal([500, 500, 200], statuses);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(exited.Seq, doc.RootElement.GetProperty("seq").GetInt64());
        Assert.Equal("service.exited", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("data").GetProperty("exit_code").GetInt32());
    }

    [Fact(Timeout = 60000)]
    public async Task A_webhook_that_never_answers_is_retried_with_backoff_then_recorded_as_failed()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var events = new EventLog(new MemoryEventStore(), time);
        var target = new Aurora.Core.Config.NotifyConfig($"http://127.0.0.1:{FreePort.Next()}/nobody-listens", []);
        await using var notifier = new Aurora.Daemon.Notify.WebhookNotifier([target], events, time);
        notifier.Start(0);
        var exited = events.Publish(EventTypes.ServiceExited, "job", new EventData().Add("exit_code", 1).Build());

        var failed = Task.Run(async () =>
        {
            await foreach (var e in events.WatchAsync(0, ct))
            {
                if (e.Type == EventTypes.NotifyFailed)
                {
                    return e;
                }
            }

            throw new InvalidOperationException("stream ended");
        }, ct);

        // Advance the fake clock through the retry backoff until the notifier gives up (never sleeps).
        while (!failed.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(failed, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, ct));
        }

        var record = await failed.DefaultTimeout();
        Assert.Equal(5, record.Data.GetProperty("attempts").GetInt32());
        Assert.Equal(exited.Seq, record.Data.GetProperty("event_seq").GetInt64());
        Assert.True(time.GetUtcNow() - exited.Time >= TimeSpan.FromSeconds(20), "gave up before its backoff ran");
    }
}
