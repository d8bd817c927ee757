namespace Aurora.Core.Forecasting;

/// A predicted breach: Current and Limit as the event shows them (bytes, open files, or free bytes and
/// `min_free` for the disk), the ETA when it was estimated (At), and the Agreement of the trend as Confidence
/// (0..1). Pid is the service's process the series belongs to (null for the disk).
public sealed record Forecast(ForecastKey Key, double Current, double Limit, double EtaSeconds, double Confidence, DateTimeOffset At, int? Pid)
{
    /// About a century: an ETA beyond is never (and a time that far ahead would not fit a DateTimeOffset).
    public const double MaxEtaSeconds = 3e9;

    public DateTimeOffset BreachAt => At + TimeSpan.FromSeconds(EtaSeconds);

    /// The ETA as of `now` (never below zero).
    public double EtaAt(DateTimeOffset now) => Math.Max(0, (BreachAt - now).TotalSeconds);

    public ConfidenceClass Class => ClassOf(Confidence);

    public static ConfidenceClass ClassOf(double confidence) =>
        confidence >= 0.85 ? ConfidenceClass.High : confidence >= 0.6 ? ConfidenceClass.Medium : ConfidenceClass.Low;
}
