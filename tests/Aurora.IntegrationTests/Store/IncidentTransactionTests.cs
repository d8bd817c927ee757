using System.Collections.Concurrent;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.IntegrationTests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Aurora.IntegrationTests.Store;

/// The store persists Core's incident projection in the transaction of the event that caused it.
public class IncidentTransactionTests
{
    [Fact(Timeout = 60000)]
    public async Task An_incident_row_and_the_incident_opened_event_are_committed_together_or_not_at_all()
    {
        var ct = TestContext.Current.CancellationToken;
        var errors = new ConcurrentQueue<Exception>();
        await using var db = TempStore.Open(onError: errors.Enqueue);

        // The incident row cannot be written (as on a full disk): the event that opens it is not committed
        // either, and no watcher is ever shown it.
        db.Execute("CREATE TRIGGER refuse_incident BEFORE INSERT ON incidents BEGIN SELECT RAISE(ABORT, 'incident refused'); END");
        Open(db, 1);
        await FlushPastFailureAsync(db, ct);
        Assert.Contains(errors, ex => ex.Message.Contains("incident refused", StringComparison.Ordinal));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM events"));
        Assert.Equal(0, db.Events.LastCommittedSeq);

        // The reverse: the event cannot be written, so its incident is not stored.
        db.Execute("DROP TRIGGER refuse_incident");
        db.Execute("CREATE TRIGGER refuse_event BEFORE INSERT ON events WHEN NEW.type = 'incident.opened' BEGIN SELECT RAISE(ABORT, 'event refused'); END");
        Open(db, 2);
        await FlushPastFailureAsync(db, ct);
        Assert.Contains(errors, ex => ex.Message.Contains("event refused", StringComparison.Ordinal));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM incidents"));

        // Writable again: a watcher that is shown the incident.opened finds its incident already stored.
        db.Execute("DROP TRIGGER refuse_event");
        var storedWhenSeen = Task.Run(async () =>
        {
            await foreach (var e in db.Events.WatchAsync(0, ct))
            {
                if (e.Type == EventTypes.IncidentOpened)
                {
                    return (await db.Store.OpenIncidentsAsync(ct)).Select(i => i.Id).ToList();
                }
            }

            return [];
        }, ct);
        Open(db, 3);
        Assert.Equal(["inc-3"], await storedWhenSeen.DefaultTimeout());
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM events WHERE type = 'incident.opened'"));
        Assert.Equal(3, db.Scalar("SELECT id FROM incidents"));
    }

    private static void Open(TempStore db, long number)
    {
        var evidence = "Error: listen EADDRINUSE: address already in use 127.0.0.1:5001";
        var incident = new IncidentRecord(IncidentIds.Format(number), "api", "port_conflict", db.Time.GetUtcNow(), null, [evidence],
            FailureSignature.Compute([evidence], "port_conflict"), []);
        var trigger = new AuroraEvent(0, db.Time.GetUtcNow(), EventTypes.ServiceExited, "api", EventData.Empty);
        db.Events.Publish(EventTypes.IncidentOpened, "api", IncidentData.Opened(incident, trigger));
    }

    /// Waits until the writer has given up on the refused batch (after its retries): a flush queued behind it
    /// completes then, or fails with it when it was taken into the same batch.
    private static async Task FlushPastFailureAsync(TempStore db, CancellationToken ct)
    {
        try
        {
            await db.Events.FlushAsync(ct).DefaultTimeout();
        }
        catch (SqliteException)
        {
        }
    }
}
