namespace Aurora.Core.Forecasting;

/// What a series predicts now: its fit, the seconds until it reaches the limit, and the confidence (the fit's
/// agreement, 0..1).
public readonly record struct Estimate(TrendFit Fit, double EtaSeconds, double Confidence);
