using Aurora.Core.Processes;
using Aurora.Core.Processes.Holding;

namespace Aurora.Core.Supervision;

/// What a newly connected daemon does with the holder's hello: which service takes over which process, and
/// which processes no service of the config owns any more (they are stopped, as a reload removing them would).
public static class HeldServices
{
    /// Only the holder's newest process of each service is taken over; an older one that ended is forgotten.
    public static (Dictionary<string, AdoptedService> Adopted, List<IRunningProcess> Strays) Plan(
        HolderClient holder, string projectId, IReadOnlySet<string> services, TimeProvider time)
    {
        var adopted = new Dictionary<string, AdoptedService>();
        var strays = new List<IRunningProcess>();
        var prefix = projectId + "/";
        var newest = holder.Held.Where(r => r.Tag.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(r => r.Tag[prefix.Length..]).ToDictionary(g => g.Key, g => g.Last());
        foreach (var record in holder.Held)
        {
            var name = record.Tag.StartsWith(prefix, StringComparison.Ordinal) ? record.Tag[prefix.Length..] : null;
            var isNewest = name is not null && newest[name] == record;
            if (record.Exit is null && !IsSameProcess(record))
            {
                // Not the process the holder started (it cannot be, while the holder has not reaped it; but a pid is
                // never signalled on trust): neither adopted nor touched.
                continue;
            }

            if (isNewest && services.Contains(name!))
            {
                adopted[name!] = new AdoptedService(record.Pid, record.StartTicks, record.StartedAt, AdoptionMemo.Parse(record.Memo),
                    record.HeldBytes, record.Dropped, sink => HeldProcessLauncher.Adopt(holder, record, sink, time));
            }
            else
            {
                strays.Add(HeldProcessLauncher.Adopt(holder, record, Discard.Instance, time));
            }
        }

        return (adopted, strays);
    }

    /// The process is the one the holder started: same pid, same start time (clock ticks since boot), and it
    /// carries the tag in its environment. A pid recycled by any other process fails one of the three.
    public static bool IsSameProcess(HeldRecord record) =>
        ProcessTable.Read(record.Pid) is { IsZombie: false } p && p.StartTicks == record.StartTicks && ProcessTable.HasTag(record.Pid, record.Tag);

    private sealed class Discard : IOutputSink
    {
        public static readonly Discard Instance = new();

        public void Write(ReadOnlySpan<byte> chunk)
        {
        }

        public void Complete()
        {
        }
    }
}
