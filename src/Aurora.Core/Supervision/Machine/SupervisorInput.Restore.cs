namespace Aurora.Core.Supervision;

public abstract partial record SupervisorInput
{
    // Restore (Transitions.Restore.cs): a daemon that adopts (an earlier one crashed or handed over) finds this
    // service without a process; Last is its last committed snapshot, Attempt its backoff attempt then.

    public sealed record Restore(ServiceSnapshot Last, int Attempt) : SupervisorInput;
}
