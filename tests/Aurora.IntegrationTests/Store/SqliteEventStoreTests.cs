using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.IntegrationTests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Store;

public class SqliteEventStoreTests
{
    [Fact(Timeout = 60000)]
    public async Task Concurrent_publishers_and_watchers_see_every_seq_once_in_order_across_the_replay_follow_seam()
    {
        const int Threads = 4, PerThread = 2_500, Total = Threads * PerThread;
        var ct = TestContext.Current.CancellationToken;
        await using var db = TempStore.Open();
        var log = db.Events;
        for (var i = 0; i < 500; i++)
        {
            log.Publish("test.early", "svc", new EventData().Add("i", i).Build());
        }

        // One watcher from the start, and others that join while publishing runs: each replays from the
        // store, then follows live events, and must neither skip nor repeat one at the seam.
        using var go = new ManualResetEventSlim();
        var publishers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            go.Wait(ct);
            for (var i = 0; i < PerThread; i++)
            {
                log.Publish("test.concurrent", $"svc{t}", new EventData().Add("i", i).Build());
            }
        }, ct)).ToList();
        var watchers = new List<Task<List<long>>> { Collect(log, 500 + Total, ct) };
        go.Set();
        for (var k = 0; k < 3; k++)
        {
            await log.FlushAsync(ct).DefaultTimeout();
            watchers.Add(Collect(log, 500 + Total, ct));
        }

        await Task.WhenAll(publishers).DefaultTimeout();
        await log.FlushAsync(ct).DefaultTimeout();
        foreach (var w in watchers)
        {
            Assert.Equal(Enumerable.Range(1, 500 + Total).Select(i => (long)i), await w.DefaultTimeout());
        }

        Assert.Equal(500 + Total, db.Scalar("SELECT COUNT(*) FROM events"));
    }

    /// Watches from seq 0 until `last`, resuming after an overflow exactly as a client would.
    private static Task<List<long>> Collect(EventLog log, long last, CancellationToken ct) => Task.Run(async () =>
    {
        var seen = new List<long>();
        var after = 0L;
        while (after < last)
        {
            try
            {
                await foreach (var e in log.WatchAsync(after, ct))
                {
                    seen.Add(e.Seq);
                    after = e.Seq;
                    if (after >= last)
                    {
                        break;
                    }
                }
            }
            catch (EventStreamOverflowException overflow)
            {
                Assert.Equal(after, overflow.LastSeq);
            }
        }

        return seen;
    }, ct);

    [Fact(Timeout = 60000)]
    public async Task Reopening_continues_the_seq_and_reads_every_event_back_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = TempStore.Open();
        var published = Enumerable.Range(0, 100)
            .Select(i => db.Events.Publish(EventTypes.ServiceExited, "api", new EventData().Add("pid", 4000 + i).Add("signal", "SIGKILL").Build()))
            .ToList();
        await db.Events.FlushAsync(ct).DefaultTimeout();

        await db.CloseAndReopenAsync();
        Assert.Equal(100, db.Events.LastCommittedSeq);
        var stored = await db.Store.ReadAfterAsync(0, 1000, ct).AsTask().DefaultTimeout();
        Assert.Equal(published.Select(e => (e.Seq, e.Time, e.Type, e.Service, e.Data.GetRawText())),
            stored.Select(e => (e.Seq, e.Time, e.Type, e.Service, e.Data.GetRawText())));
        Assert.Equal(101, db.Events.Publish("test.after", null).Seq);
    }

    [Fact(Timeout = 60000)]
    public async Task Seq_is_never_reused_even_when_retention_removed_every_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var db = TempStore.Open(new StoreConfig(1_000, TimeSpan.FromHours(1)), time);
        for (var i = 0; i < 10; i++)
        {
            db.Events.Publish("test.old", "svc");
        }

        await db.Events.FlushAsync(ct).DefaultTimeout();
        time.Advance(TimeSpan.FromHours(2));
        await db.Store.TrimAsync(ct).DefaultTimeout();
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM events"));

        await db.CloseAndReopenAsync();
        Assert.Equal(11, db.Events.Publish("test.new", "svc").Seq);
    }

    [Fact(Timeout = 60000)]
    public async Task Retention_keeps_the_event_count_bounded_after_many_batches()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = TempStore.Open(new StoreConfig(100, TimeSpan.FromDays(30)));
        for (var batch = 0; batch < 100; batch++)
        {
            for (var i = 0; i < 50; i++)
            {
                db.Events.Publish("test.many", "svc", new EventData().Add("i", i).Build());
            }

            await db.Events.FlushAsync(ct).DefaultTimeout();

            // A pass runs once the store is 10% over its bound, between batches.
            Assert.InRange(db.Scalar("SELECT COUNT(*) FROM events"), 0, 110);
        }

        await db.Store.TrimAsync(ct).DefaultTimeout();
        Assert.Equal(100, db.Scalar("SELECT COUNT(*) FROM events"));
        Assert.Equal(4_901, db.Scalar("SELECT MIN(seq) FROM events"));
        Assert.Equal(5_000, db.Scalar("SELECT MAX(seq) FROM events"));
        Assert.Equal(100, db.Scalar("SELECT COUNT(*) FROM search WHERE rowid > 0"));
    }

    [Fact(Timeout = 60000)]
    public async Task Retention_drops_events_older_than_max_age_on_its_periodic_pass()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var db = TempStore.Open(new StoreConfig(1_000_000, TimeSpan.FromHours(1)), time);
        for (var i = 0; i < 50; i++)
        {
            db.Events.Publish("test.old", "svc");
        }

        await db.Events.FlushAsync(ct).DefaultTimeout();
        time.Advance(TimeSpan.FromMinutes(30));
        db.Events.Publish("test.recent", "svc");
        await db.Events.FlushAsync(ct).DefaultTimeout();
        Assert.Equal(51, db.Scalar("SELECT COUNT(*) FROM events"));

        time.Advance(TimeSpan.FromMinutes(45));
        db.Events.Publish("test.new", "svc");
        await db.Events.FlushAsync(ct).DefaultTimeout();
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM events"));
        Assert.Equal(51, db.Scalar("SELECT MIN(seq) FROM events"));
    }
}
