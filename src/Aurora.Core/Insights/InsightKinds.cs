namespace Aurora.Core.Insights;

/// The kinds of insight, the first part of every id.
public static class InsightKinds
{
    public const string StartPeriod = "start-period";
    public const string ReadyTimeout = "ready-timeout";
    public const string HealthTimeout = "health-timeout";
    public const string MemoryLimit = "memory-limit";
    public const string RestartLimit = "restart-limit";
    public const string FailingFix = "failing-fix";
    public const string Reliability = "mtbf";
    public const string Flapping = "flapping";
    public const string TimeOfDay = "time-of-day";
}
