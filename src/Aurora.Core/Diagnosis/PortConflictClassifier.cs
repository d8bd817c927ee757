using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// EADDRINUSE in the output, or a declared port that another process holds; names the holder.
public sealed partial class PortConflictClassifier(IPortOwners owners) : IFailureClassifier
{
    [GeneratedRegex(@"EADDRINUSE|[Aa]ddress already in use|Errno 98|bind\(\) to .* failed|port is already allocated|Only one usage of each socket address", RegexOptions.CultureInvariant)]
    private static partial Regex InUse();

    [GeneratedRegex(@"(?<![\d.])(?:port\s*|:)(\d{2,5})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PortNumber();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, InUse());
        if (lines.IsEmpty && failure.Exit is null)
        {
            return null;
        }

        var candidates = lines.SelectMany(l => PortNumber().Matches(l).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .Concat(failure.DeclaredPorts).Where(p => p is > 0 and < 65536).Distinct();
        var holder = candidates.Select(owners.Owner).FirstOrDefault(o => o is not null);
        if (lines.IsEmpty && holder is null)
        {
            return null;
        }

        var evidence = holder is null ? lines : Evidence.With(holder.Describe(), lines);
        var who = holder is null ? "another process" : $"pid {holder.Pid} ({string.Join(' ', holder.CommandLine)})";
        return new Diagnosis(Causes.PortConflict, lines.IsEmpty ? 0.7 : 0.95, evidence,
            $"{failure.Service} could not bind{(holder is null ? "" : $" port {holder.Port}")}: it is held by {who}");
    }

    /// The holder of the first conflicting port, for the fix (which may stop it only if it is a stale instance).
    public PortOwner? Holder(FailureContext failure) =>
        Evidence.Matching(failure.RecentLines, InUse())
            .SelectMany(l => PortNumber().Matches(l).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .Concat(failure.DeclaredPorts).Distinct().Select(owners.Owner).FirstOrDefault(o => o is not null);
}
