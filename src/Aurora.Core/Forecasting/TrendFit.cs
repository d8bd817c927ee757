namespace Aurora.Core.Forecasting;

/// A robust line through a series: Slope (value per second) and Intercept (the value at second 0) from
/// Theil–Sen, and Agreement, Kendall's tau of the points (concordant minus discordant pairs over all pairs):
/// 1 when every later point is higher, about 0 for noise, a sawtooth or a plateau.
public readonly record struct TrendFit(double Slope, double Intercept, double Agreement, int Points, double SpanSeconds)
{
    public double At(double seconds) => Intercept + (Slope * seconds);
}
