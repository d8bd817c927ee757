namespace Aurora.Core.Forecasting;

/// One forecast's subject: a service's resource, or the project's disk (Service null).
public readonly record struct ForecastKey(string? Service, ForecastResource Resource)
{
    public static ForecastKey Disk { get; } = new(null, ForecastResource.Disk);
}
