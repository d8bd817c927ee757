using System.Collections.Immutable;

namespace Aurora.Core.Diagnosis;

/// A classifier's verdict: the cause (SPEC §6 name), how sure it is (0..1), the lines that show it, and
/// one sentence for people.
public sealed record Diagnosis(string Cause, double Confidence, ImmutableArray<string> Evidence, string Summary);

/// One small rule. Returns null when it has nothing to say.
public interface IFailureClassifier
{
    Diagnosis? Classify(FailureContext failure);
}
