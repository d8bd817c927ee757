namespace Aurora.Core.Forecasting;

/// One point of a series: seconds since the series began, and the value then.
public readonly record struct TrendPoint(double Seconds, double Value);
