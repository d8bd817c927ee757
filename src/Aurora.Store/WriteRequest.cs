using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.Core.Resources;

namespace Aurora.Store;

/// What the single writer is asked to do, in order.
internal abstract record WriteRequest
{
    public sealed record Append(AuroraEvent Event) : WriteRequest;

    public sealed record AddFix(long Incident, FixAttempt Attempt) : WriteRequest;

    public sealed record Minutes(IReadOnlyList<MinuteSample> Samples) : WriteRequest;

    /// Completes once everything queued before it is committed.
    public sealed record Flush(TaskCompletionSource Done) : WriteRequest;

    /// Runs a retention pass now, to the exact bounds.
    public sealed record Trim(TaskCompletionSource Done) : WriteRequest;
}
