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
    [Fact(Timeout = 60000)]
    public async Task Webhook_gets_the_event_json_after_retrying_failed_posts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hook = new WebhookServer(failures: 2);
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

    [Fact(Timeout = 60000)]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failed_post()
    {
        // Issue 19, finding 7: a webhook could send the POST on to anywhere (a service on the loopback, say).
        var ct = TestContext.Current.CancellationToken;
        await using var elsewhere = new WebhookServer();
        await using var hook = new WebhookServer(redirectTo: elsewhere.Url);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var events = new EventLog(new MemoryEventStore(), time);
        await using var notifier = new Aurora.Daemon.Notify.WebhookNotifier([new Aurora.Core.Config.NotifyConfig(hook.Url, [])], events, time);
        notifier.Start(0);
        var failed = NextOfType(events, EventTypes.NotifyFailed, ct);
        events.Publish(EventTypes.ServiceExited, "job", new EventData().Add("exit_code", 1).Build());

        var record = await AdvanceUntil(time, failed, ct);

        Assert.StartsWith("HTTP 307", record.Data.GetProperty("error").GetString());
        Assert.Equal(5, Drain(hook.Requests.Reader).Count);
        Assert.Empty(Drain(elsewhere.Requests.Reader));
    }

    [Fact(Timeout = 60000)]
    public async Task A_webhook_answering_with_an_endless_body_is_not_read_past_its_status()
    {
        // Issue 19, finding 7: the whole response was buffered.
        await using var hook = new EndlessBodyServer(limit: 128L << 20);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var events = new EventLog(new MemoryEventStore(), time);
        await using var notifier = new Aurora.Daemon.Notify.WebhookNotifier([new Aurora.Core.Config.NotifyConfig(hook.Url, [])], events, time);
        notifier.Start(0);
        events.Publish(EventTypes.ServiceExited, "job", new EventData().Add("exit_code", 1).Build());

        var written = await hook.Closed.DefaultTimeout();

        // What the kernel's socket buffers take before the client hangs up: a few MiB on loopback, not the body.
        Assert.True(written < 64L << 20, $"the webhook wrote {written} bytes of body before the client hung up");
    }

    [Fact(Timeout = 60000)]
    public async Task Update_sends_later_events_to_the_new_list_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = new WebhookServer();
        await using var b = new WebhookServer();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var events = new EventLog(new MemoryEventStore(), time);
        await using var notifier = new Aurora.Daemon.Notify.WebhookNotifier([new Aurora.Core.Config.NotifyConfig(a.Url, [])], events, time);
        notifier.Start(0);

        notifier.Update([new Aurora.Core.Config.NotifyConfig(b.Url, [])]);
        var first = events.Publish(EventTypes.ServiceExited, "job", new EventData().Add("exit_code", 1).Build());
        var (_, toB) = await b.Requests.Reader.ReadAsync(ct).AsTask().DefaultTimeout();
        notifier.Update([new Aurora.Core.Config.NotifyConfig(a.Url, [])]);
        var second = events.Publish(EventTypes.ServiceExited, "job", new EventData().Add("exit_code", 2).Build());
        var (_, toA) = await a.Requests.Reader.ReadAsync(ct).AsTask().DefaultTimeout();

        Assert.Equal(first.Seq, JsonDocument.Parse(toB).RootElement.GetProperty("seq").GetInt64());
        Assert.Equal(second.Seq, JsonDocument.Parse(toA).RootElement.GetProperty("seq").GetInt64());
    }

    private static Task<AuroraEvent> NextOfType(EventLog events, string type, CancellationToken ct) => Task.Run(async () =>
    {
        await foreach (var e in events.WatchAsync(0, ct))
        {
            if (e.Type == type)
            {
                return e;
            }
        }

        throw new InvalidOperationException("stream ended");
    }, ct);

    /// Advances the fake clock (through retry backoffs) until the task completes; never sleeps on the fake clock.
    private static async Task<T> AdvanceUntil<T>(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Task<T> done, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var advancing = Task.Run(async () =>
        {
            while (!done.IsCompleted && !stop.IsCancellationRequested)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(done, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System, stop.Token));
            }
        }, ct);
        try
        {
            return await done.DefaultTimeout();
        }
        finally
        {
            await stop.CancelAsync();
            await advancing.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static List<T> Drain<T>(ChannelReader<T> reader)
    {
        var items = new List<T>();
        while (reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
