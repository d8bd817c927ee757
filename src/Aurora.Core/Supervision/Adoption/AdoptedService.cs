using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// A service process an earlier daemon started, verified and ready to be taken over: Attach hands it the sink its
/// output (held, then live) goes to, and returns the process.
public sealed record AdoptedService(
    int Pid,
    long StartTicks,
    DateTimeOffset StartedAt,
    AdoptionMemo? Memo,
    long HeldBytes,
    long DroppedBytes,
    Func<IOutputSink, IRunningProcess> Attach);
