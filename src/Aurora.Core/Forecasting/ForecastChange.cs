namespace Aurora.Core.Forecasting;

/// What a judgement changed: a prediction published (first or repeated, Forecast the new one) or resolved
/// (Forecast the one that no longer holds; Reason why: "trend", "restarted", "stopped", "limit_removed").
public sealed record ForecastChange(ForecastChangeKind Kind, Forecast Forecast, string? Reason = null);
