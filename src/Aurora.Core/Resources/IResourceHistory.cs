namespace Aurora.Core.Resources;

/// The per-minute resource history (1-minute min/avg/max per service), which forecasts and insights read.
/// The daemon's SQLite store keeps it in its own table, written through its single writer.
public interface IResourceHistory
{
    /// Queues the minutes for writing (never waits). A minute already stored for a service is merged.
    void Append(IReadOnlyList<MinuteSample> minutes);

    /// The minutes starting at or after `since`, of one service or (null) all, by minute then service.
    Task<IReadOnlyList<MinuteSample>> ReadAsync(string? service, DateTimeOffset since, CancellationToken ct);

    /// How long minutes are kept (`monitor.history`); older ones are pruned.
    void Retain(TimeSpan history);
}
