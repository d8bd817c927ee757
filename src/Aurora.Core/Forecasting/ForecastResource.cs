namespace Aurora.Core.Forecasting;

/// What a forecast watches: a service's memory (toward `limits.memory`), its main process's open files (toward
/// its RLIMIT_NOFILE), or the project's free disk (toward `maintenance.disk.min_free`).
public enum ForecastResource
{
    Memory,
    Fds,
    Disk,
}

public static class ForecastResourceNames
{
    public static string ToWire(this ForecastResource r) => r switch
    {
        ForecastResource.Memory => "memory",
        ForecastResource.Fds => "fds",
        _ => "disk",
    };
}
