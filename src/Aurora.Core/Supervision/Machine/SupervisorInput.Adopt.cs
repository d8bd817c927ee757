namespace Aurora.Core.Supervision;

public abstract partial record SupervisorInput
{
    // Adoption (Transitions.Adopt.cs): a process an earlier daemon started, still held by the project's holder,
    // verified by pid, start time and tag. It may have ended meanwhile: its Exited input then follows at once.

    public sealed record Adopt(int Pid, long StartTicks, DateTimeOffset StartedAt, AdoptionMemo? Memo, long HeldBytes, long DroppedBytes)
        : SupervisorInput;
}
