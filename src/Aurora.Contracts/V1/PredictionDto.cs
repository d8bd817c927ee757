namespace Aurora.Contracts.V1;

/// <summary>A service's active prediction (`prediction` in a status row; null when none): its `resource`
/// (`memory` toward `limits.memory`, `fds` toward the main process's RLIMIT_NOFILE) reaches `limit` in about
/// `eta_seconds` (counted from when the row was read; `breach_at` is the moment), with `confidence` 0..1 (the
/// agreement of the trend). `current` is the value when the trend was last judged (bytes, or open files).
/// In `GET /api/v1/predictions` each names its `service`; the disk's has none, and its `current` and `limit`
/// are the free bytes and `maintenance.disk.min_free`.</summary>
public sealed record PredictionDto(string Resource, double EtaSeconds, double Confidence, long Limit, long Current, DateTimeOffset BreachAt,
    string? Service = null);

/// <summary>`GET /api/v1/predictions`: every active prediction, soonest breach first.</summary>
public sealed record PredictionListDto(IReadOnlyList<PredictionDto> Predictions);
