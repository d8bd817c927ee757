namespace Aurora.Core.Forecasting;

public enum ForecastChangeKind
{
    Published,
    Repeated,
    Resolved,
}
