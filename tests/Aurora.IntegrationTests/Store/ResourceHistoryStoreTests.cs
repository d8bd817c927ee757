using Aurora.Core.Config;
using Aurora.Core.Resources;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Store;

/// The per-minute resource history in state.db (resource_minutes): written through the single writer, read by
/// service and time, merged when a minute is written twice, bounded by monitor.history.
public class ResourceHistoryStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 60000)]
    public async Task Minutes_are_written_to_their_own_table_and_read_back_after_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = TempStore.Open(time: new FakeTimeProvider(Now));
        var api1 = new MinuteSample("api", Now.AddMinutes(-2), 0.1, 0.45, 12.5, 31457280, 32000000, 33554432);
        var db1 = new MinuteSample("db", Now.AddMinutes(-2), 3, 3, 3, 1 << 20, 1 << 20, 1 << 20);
        var api2 = api1 with { Minute = Now.AddMinutes(-1) };
        db.Store.Append([api1, db1]);
        db.Store.Append([api2]);
        await db.Events.FlushAsync(ct).DefaultTimeout();

        await db.CloseAndReopenAsync();

        Assert.Equal(3, db.Scalar("SELECT COUNT(*) FROM resource_minutes"));
        Assert.Equal([api1, db1, api2], await db.Store.ReadAsync(null, DateTimeOffset.MinValue, ct).DefaultTimeout());
        Assert.Equal([api2], await db.Store.ReadAsync("api", Now.AddMinutes(-1), ct).DefaultTimeout());
        Assert.Empty(await db.Store.ReadAsync("web", DateTimeOffset.MinValue, ct).DefaultTimeout());
    }

    [Fact(Timeout = 60000)]
    public async Task A_minute_written_by_two_daemons_is_merged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = TempStore.Open(time: new FakeTimeProvider(Now));
        var minute = Now.AddMinutes(-1);
        db.Store.Append([new MinuteSample("api", minute, 1, 2, 3, 100, 200, 300)]);
        await db.Events.FlushAsync(ct).DefaultTimeout();
        await db.CloseAndReopenAsync();

        db.Store.Append([new MinuteSample("api", minute, 0.5, 4, 5, 150, 400, 900)]);
        await db.Events.FlushAsync(ct).DefaultTimeout();

        Assert.Equal([new MinuteSample("api", minute, 0.5, 3, 5, 100, 300, 900)], await db.Store.ReadAsync("api", minute, ct).DefaultTimeout());
    }

    [Fact(Timeout = 60000)]
    public async Task Minutes_older_than_monitor_history_are_pruned_seven_days_by_default()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(Now);
        await using var db = TempStore.Open(time: time);
        db.Store.Append([Row(Now.AddDays(-8)), Row(Now.AddDays(-6)), Row(Now.AddHours(-3)), Row(Now.AddMinutes(-1))]);
        await db.Events.FlushAsync(ct).DefaultTimeout();
        await db.Store.TrimAsync(ct).DefaultTimeout();
        Assert.Equal([Now.AddDays(-6), Now.AddHours(-3), Now.AddMinutes(-1)], await Minutes(db, ct));

        db.Store.Retain(TimeSpan.FromHours(2));
        await db.Store.TrimAsync(ct).DefaultTimeout();

        Assert.Equal([Now.AddMinutes(-1)], await Minutes(db, ct));
    }

    [Fact(Timeout = 60000)]
    public async Task The_writers_periodic_retention_pass_prunes_them_too()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(Now);
        await using var db = TempStore.Open(time: time);
        db.Store.Retain(TimeSpan.FromHours(1));
        db.Store.Append([Row(Now.AddMinutes(-1))]);
        await db.Events.FlushAsync(ct).DefaultTimeout();

        // An hour and more later the sampler writes its next minute; the pass after that batch (due once a
        // minute) removes the old one.
        time.Advance(TimeSpan.FromMinutes(65));
        db.Store.Append([Row(time.GetUtcNow().AddMinutes(-1))]);
        await db.Events.FlushAsync(ct).DefaultTimeout();

        Assert.Equal([time.GetUtcNow().AddMinutes(-1)], await Minutes(db, ct));
    }

    [Fact(Timeout = 60000)]
    public async Task A_state_db_from_before_the_table_gets_it_on_open()
    {
        await using var db = TempStore.Open(StoreConfig.Default);
        db.Events.Publish("test.kept", null);
        await db.Events.FlushAsync(TestContext.Current.CancellationToken).DefaultTimeout();
        await db.Events.DisposeAsync();
        db.Execute("DROP TABLE resource_minutes; PRAGMA user_version = 1;");

        await db.CloseAndReopenAsync();

        Assert.Equal(2, db.Scalar("PRAGMA user_version"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM resource_minutes"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM events"));
    }

    private static MinuteSample Row(DateTimeOffset minute) => new("api", minute, 1, 1, 1, 1, 1, 1);

    private static async Task<List<DateTimeOffset>> Minutes(TempStore db, CancellationToken ct) =>
        [.. (await db.Store.ReadAsync(null, DateTimeOffset.MinValue, ct).DefaultTimeout()).Select(m => m.Minute)];
}
