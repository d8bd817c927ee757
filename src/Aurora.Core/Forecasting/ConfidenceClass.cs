namespace Aurora.Core.Forecasting;

/// Coarse confidence: a change of class repeats a prediction even when its ETA held.
public enum ConfidenceClass
{
    Low,
    Medium,
    High,
}
