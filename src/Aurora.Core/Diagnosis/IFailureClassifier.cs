namespace Aurora.Core.Diagnosis;

/// One small rule. Returns null when it has nothing to say.
public interface IFailureClassifier
{
    Diagnosis? Classify(FailureContext failure);
}
