namespace Aurora.Core.Config.Reading;

internal static class LogsReader
{
    public static readonly string[] Keys = ["max_size", "keep"];

    public static LogConfig Read(YamlMap service)
    {
        var d = LogConfig.Default;
        return service.Map("logs", Keys) is not { } map
            ? d
            : new LogConfig(map.Size("max_size", d.MaxSizeBytes, 1024, long.MaxValue), map.Int("keep", d.Keep, 0, 100));
    }
}
