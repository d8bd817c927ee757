namespace Aurora.Core.Config.Reading;

/// The small top-level sections: healing, monitor and store.
internal static class SettingsReader
{
    public static readonly string[] HealingKeys = ["enabled", "verify_timeout", "backups"];

    public static readonly string[] BackupKeys = ["keep", "max_age"];

    public static readonly string[] MonitorKeys = ["sample_interval", "predict_horizon"];

    public static readonly string[] StoreKeys = ["max_events", "max_age"];

    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    public static HealingConfig Healing(YamlMap root)
    {
        var d = HealingConfig.Default;
        return root.Map("healing", HealingKeys) is not { } map
            ? d
            : new HealingConfig(map.Bool("enabled", d.Enabled), map.Duration("verify_timeout", d.VerifyTimeout, OneMillisecond, TimeSpan.MaxValue))
            {
                Backups = Backups(map),
            };
    }

    private static BackupRetention Backups(YamlMap healing)
    {
        var d = BackupRetention.Default;
        return healing.Map("backups", BackupKeys) is not { } map
            ? d
            : new BackupRetention(map.Int("keep", d.Keep, 0, 100_000), map.Duration("max_age", d.MaxAge, TimeSpan.Zero, TimeSpan.MaxValue));
    }

    public static MonitorConfig Monitor(YamlMap root)
    {
        var d = MonitorConfig.Default;
        if (root.Map("monitor", MonitorKeys) is not { } map)
        {
            return d;
        }

        NotEnforced.Warn(map, NotEnforced.Monitor, MonitorKeys);
        return new MonitorConfig(
                map.Duration("sample_interval", d.SampleInterval, TimeSpan.FromMilliseconds(100), TimeSpan.MaxValue),
                map.Duration("predict_horizon", d.PredictHorizon, TimeSpan.FromSeconds(1), TimeSpan.MaxValue));
    }

    public static StoreConfig Store(YamlMap root)
    {
        var d = StoreConfig.Default;
        return root.Map("store", StoreKeys) is not { } map
            ? d
            : new StoreConfig(map.Long("max_events", d.MaxEvents, 1, long.MaxValue), map.Duration("max_age", d.MaxAge, OneMillisecond, TimeSpan.MaxValue));
    }
}
