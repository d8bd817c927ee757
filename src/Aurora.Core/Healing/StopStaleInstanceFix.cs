using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Aurora.Core.Diagnosis;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// port_conflict: stop the holder of the port only if it is a stale instance of this same service — it
/// carries this project's tag for this service (AURORA_TAG=projectId/name), left over from an earlier run.
/// A foreign holder is named and left alone.
public sealed partial class StopStaleInstanceFix(IPortOwners owners, TimeProvider time) : IFix
{
    public string Name => "stop_stale_instance";

    public string Cause => Causes.PortConflict;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => true;

    public ImmutableArray<string> Verify => [];

    // ASCII digits only (\d also matches other scripts' digits), at most five: the line is the service's
    // own output, and anything may be written there (issue 19, finding 7).
    [GeneratedRegex(@"^port ([0-9]{1,5}) is held by pid [0-9]+")]
    private static partial Regex HeldBy();

    public ImmutableArray<string> Touches(FixContext context) => [];

    public (bool Applies, string Reason) Check(FixContext context)
    {
        if (Holder(context) is not { } holder)
        {
            return (false, "the port's holder is not known (it may be gone already)");
        }

        if (holder.Tag != StaleTag(context))
        {
            return (false, $"{holder.Describe()}, which is not an instance of {context.Service.Name}: left alone");
        }

        return IsCurrentInstance(holder.Pid, context.ServicePid)
            ? (false, $"{holder.Describe()}, which is {context.Service.Name}'s own running instance, not a stale one")
            : (true, "");
    }

    public async Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        // The service was stopped first, and its stop also ends whatever carries its tag: the stale
        // instance may be gone already. A free port is what this fix is for; the restart is verified.
        if (Holder(context) is not { } holder)
        {
            return FixResult.Ok("the port is free (its stale holder is gone)");
        }

        var stopped = await LeftoverProcesses.StopOneAsync(holder.Pid, StaleTag(context), TimeSpan.FromSeconds(5), time, ct);
        return stopped
            ? FixResult.Ok($"stopped stale instance pid {holder.Pid} holding port {holder.Port}")
            : FixResult.Failed($"pid {holder.Pid} could not be stopped");
    }

    private static string StaleTag(FixContext context) => $"{context.ProjectId}/{context.Service.Name}";

    /// The running instance carries the same tag as a stale one: the holder is that instance (or one of
    /// its children, in its session or started after it) rather than a leftover that predates it.
    private static bool IsCurrentInstance(int holder, int? service)
    {
        if (service is not { } pid)
        {
            return false;
        }

        if (holder == pid)
        {
            return true;
        }

        return ProcessTable.Read(holder) is { } h && ProcessTable.Read(pid) is { } s && (h.SessionId == pid || h.StartTicks >= s.StartTicks);
    }

    private PortOwner? Holder(FixContext context)
    {
        var ports = context.Verdict.Evidence.Select(e => HeldBy().Match(e)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture))
            .Where(p => p is > 0 and <= 65535)
            .Concat(context.Service.Ports).Distinct();
        return ports.Select(owners.Owner).FirstOrDefault(o => o is not null);
    }
}
