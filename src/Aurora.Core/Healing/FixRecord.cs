namespace Aurora.Core.Healing;

/// How often a (cause, fix) pair worked. Score is the success rate with a Laplace prior, so a fix never
/// tried (0 of 0) scores 0.5: behind one that has worked, ahead of one that keeps failing.
public sealed record FixRecord(string Cause, string Fix, int Successes, int Failures)
{
    public double Score => (Successes + 1.0) / (Successes + Failures + 2.0);
}

/// Where fix outcomes are kept across daemon restarts.
public interface IFixRecords
{
    FixRecord Get(string cause, string fix);

    void Record(string cause, string fix, bool worked);

    IReadOnlyList<FixRecord> All();
}
