namespace Aurora.Core.Health;

/// The outcome of one probe. Detail says what was seen ("HTTP 503", "connection refused", "timed out after 2s").
public sealed record HealthResult(bool Healthy, string Detail, TimeSpan Duration, bool TimedOut = false);

public enum HealthStatus { Unknown, Healthy, Unhealthy }
