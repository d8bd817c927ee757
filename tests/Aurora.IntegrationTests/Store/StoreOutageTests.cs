using System.Collections.Concurrent;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Supervision;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Store;
using Microsoft.Data.Sqlite;

namespace Aurora.IntegrationTests.Store;

/// The disk under .aurora/ fills (a real tmpfs, full to the last byte): the store holds what it cannot write, says
/// why, keeps `status` current from memory, and writes every held event, once and in order, when there is room.
public class StoreOutageTests
{
    [Fact(Timeout = 120000)]
    public async Task A_full_disk_holds_the_events_in_memory_and_writes_each_once_in_order_when_space_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var disk = SmallDisk.Mount("2m");
        var errors = new ConcurrentQueue<Exception>();
        var store = new SqliteEventStore(disk.Db, StoreConfig.Default, TimeProvider.System, errors.Enqueue);
        var changes = new ConcurrentQueue<StoreOutage>();
        var began = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource<StoreOutage>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.OutageChanged += o =>
        {
            changes.Enqueue(o);
            _ = o.Ended is null ? began.TrySetResult() : ended.TrySetResult(o);
        };
        await using var events = new EventLog(store, TimeProvider.System);
        var states = new ServiceStateStore(events);
        states.Add(ServiceSnapshot.Initial("app"), announce: false);
        var before = states.Publish(ServiceSnapshot.Initial("app") with { State = ServiceState.Running, Pid = 100 }, EventTypes.ServiceStarted, new EventData());
        await events.FlushAsync(ct).DefaultTimeout();
        var storedBefore = events.LastCommittedSeq;

        disk.Fill();
        var published = new List<long>();
        for (var i = 0; i < 200; i++)
        {
            published.Add(events.Publish("test.filler", "app", new EventData().Add("text", new string('x', 2000)).Build()).Seq);
        }

        await began.Task.DefaultTimeout();
        var flush = await Record.ExceptionAsync(() => events.FlushAsync(ct).DefaultTimeout());
        Assert.IsAssignableFrom<IOException>(flush);
        Assert.Contains("full", store.Outage!.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(store.Outage.Held > 0);
        Assert.Contains(errors, e => e is SqliteException { SqliteErrorCode: 13 });

        // Nothing held is shown as committed, yet the service list is current: from memory, as of its last change.
        var exited = states.Publish(before with { State = ServiceState.Backoff, Pid = null }, EventTypes.ServiceExited, new EventData());
        published.Add(published[^1] + 1);
        Assert.True(events.LastCommittedSeq < published[0]);
        var shown = states.Committed;
        Assert.Equal(ServiceState.Backoff, shown.Services["app"].State);
        Assert.Equal(exited.Version, shown.Services["app"].Version);
        Assert.Equal(published[^1], shown.Seq);

        disk.Free();
        await events.FlushAsync(ct).DefaultTimeout();
        var outage = await ended.Task.DefaultTimeout();
        Assert.Null(store.Outage);
        Assert.Equal(0, outage.Dropped);
        Assert.Equal(published.Count, outage.Held);
        Assert.Equal(published[^1], events.LastCommittedSeq);
        Assert.Equal(2, changes.Count);

        // Every event once, in order, no gap, nothing invented; the committed view caught up with the live one.
        var stored = await events.Store.ReadAfterAsync(storedBefore, 10_000, ct);
        Assert.Equal(Enumerable.Range((int)storedBefore + 1, published.Count).Select(s => (long)s), stored.Select(e => e.Seq));
        Assert.Equal(ServiceState.Backoff, states.Committed.Services["app"].State);
    }

    [Fact(Timeout = 120000)]
    public async Task A_long_outage_keeps_a_bounded_number_of_events_the_newest_and_says_how_many_it_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var disk = SmallDisk.Mount("64m");
        var store = new SqliteEventStore(disk.Db, StoreConfig.Default, TimeProvider.System, _ => { });
        var ended = new TaskCompletionSource<StoreOutage>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.OutageChanged += o => _ = o.Ended is null ? false : ended.TrySetResult(o);
        await using var events = new EventLog(store, TimeProvider.System);
        await events.FlushAsync(ct).DefaultTimeout();

        disk.Fill();
        const int over = 5_000;
        var total = 50_000 + over;
        long last = 0;
        for (var i = 0; i < total; i++)
        {
            last = events.Publish("test.burst", null, new EventData().Add("i", i).Build()).Seq;
        }

        Assert.IsAssignableFrom<IOException>(await Record.ExceptionAsync(() => events.FlushAsync(ct).DefaultTimeout()));
        Assert.Equal(50_000, store.Outage!.Held);
        Assert.True(store.Outage!.Dropped >= over, $"dropped {store.Outage.Dropped}");

        disk.Free();
        await events.FlushAsync(ct).DefaultTimeout();
        var outage = await ended.Task.DefaultTimeout();
        Assert.Equal(total, outage.Held + outage.Dropped);

        // The newest are the ones kept, and they are stored in order.
        var stored = await events.Store.ReadAfterAsync(0, 100_000, ct);
        Assert.Equal(outage.Held, stored.Count);
        Assert.Equal(last, stored[^1].Seq);
        Assert.Equal(stored.Select(e => e.Seq).Order(), stored.Select(e => e.Seq));
    }
}
