using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Config.Reading;

/// The small top-level sections: healing, monitor and store.
internal static class SettingsReader
{
    public static readonly string[] HealingKeys = ["enabled", "verify_timeout", "backups"];

    public static readonly string[] BackupKeys = ["keep", "max_age"];

    public static readonly string[] MonitorKeys = ["sample_interval", "predict_horizon", "history"];

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

        return new MonitorConfig(
                SampleInterval(map, d.SampleInterval),
                map.Duration("predict_horizon", d.PredictHorizon, TimeSpan.FromSeconds(1), TimeSpan.MaxValue))
        {
            History = map.Duration("history", d.History, TimeSpan.FromHours(1), TimeSpan.MaxValue),
        };
    }

    /// `sample_interval`: a duration of at least 100ms, or `off` (null).
    private static TimeSpan? SampleInterval(YamlMap map, TimeSpan? fallback)
    {
        if (map.Get("sample_interval") is not { } node)
        {
            return fallback;
        }

        var path = map.PathOf("sample_interval");
        if (ScalarReader.Text(node, path, map.Bag, "a duration or off") is not { } text)
        {
            return fallback;
        }

        if (text == "off")
        {
            return null;
        }

        if (!DurationParser.TryParse(text, out var value))
        {
            map.Bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not a duration; use off, or a number with ms, s, m, h or d (e.g. 500ms, 1s)");
            return fallback;
        }

        return Range.Check(value, TimeSpan.FromMilliseconds(100), TimeSpan.MaxValue, text, node, path, map.Bag, DurationParser.Format) ?? fallback;
    }

    public static StoreConfig Store(YamlMap root)
    {
        var d = StoreConfig.Default;
        return root.Map("store", StoreKeys) is not { } map
            ? d
            : new StoreConfig(map.Long("max_events", d.MaxEvents, 1, long.MaxValue), map.Duration("max_age", d.MaxAge, OneMillisecond, TimeSpan.MaxValue));
    }
}
