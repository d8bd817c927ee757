namespace Aurora.Core.Supervision;

public abstract partial record SupervisorEffect
{
    /// Take over the adopted process as process Generation: its held output to the log, then its live output, and
    /// its exit (already known, or to come) as the Exited input.
    public sealed record Attach(int Generation) : SupervisorEffect;
}
