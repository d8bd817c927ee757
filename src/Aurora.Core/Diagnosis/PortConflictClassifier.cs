using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// EADDRINUSE in the output (Python, Node — also when it is only the cause inside a wrapped error's stack —,
/// nginx, redis, Go, Java, .NET), or, for a program that writes its reason only to its own log file, a
/// declared port that another process holds at the moment it died. Names the holder: pid and command line
/// (secrets scrubbed), and whether it is another service of an Aurora project or a foreign process.
/// An "address already in use" the program printed before it said it was up was retried past: it is not
/// the cause (FailureOutput.Relevant leaves it out).
public sealed partial class PortConflictClassifier(IPortOwners owners) : IFailureClassifier
{
    [GeneratedRegex(@"EADDRINUSE|[Aa]ddress already in use|Address in use|Errno 98\b|bind\(\) to .* failed|port is already allocated|Only one usage of each socket address|AddressInUse|BindException|Failed listening on port|already in use by another process",
        RegexOptions.CultureInvariant)]
    private static partial Regex InUse();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, InUse());
        if (lines.IsEmpty && failure.Exit is null)
        {
            return null;
        }

        var holder = Holder(failure, lines);
        if (lines.IsEmpty && holder is null)
        {
            return null;
        }

        var evidence = holder is null ? lines : Evidence.With(holder.Describe(), lines);
        var port = holder is null ? Candidates(failure, lines).Select(p => $" port {p}").FirstOrDefault() ?? "" : $" port {holder.Port}";
        var who = holder is null ? "another process (no longer there, or not visible to Aurora)" : holder.Who();
        return new Diagnosis(Causes.PortConflict, lines.IsEmpty ? 0.7 : 0.95, evidence, $"{failure.Service} could not bind{port}: it is held by {who}");
    }

    /// The holder of the first conflicting port, for the fix (which may stop it only if it is a stale instance).
    public PortOwner? Holder(FailureContext failure) => Holder(failure, Evidence.Matching(failure.RecentLines, InUse()));

    private PortOwner? Holder(FailureContext failure, ImmutableArray<string> inUse) =>
        Candidates(failure, inUse).Select(owners.Owner).FirstOrDefault(o => o is not null);

    /// The ports the in-use lines name, newest first (and the fields of the error object that follows them, as
    /// Node prints it), then the declared ones, then any other port the run's output mentions ("starting on port 8000").
    private static IEnumerable<int> Candidates(FailureContext failure, ImmutableArray<string> inUse)
    {
        var named = inUse.Reverse().SelectMany(Endpoints.Ports);
        var fields = inUse.IsEmpty ? [] : FieldsAfter(failure.RecentLines, inUse[^1]);
        var mentioned = failure.RecentLines.Where(l => !FailureOutput.IsAuroraNote(l)).Reverse().SelectMany(Endpoints.Ports);
        return named.Concat(fields).Concat(failure.DeclaredPorts).Concat(inUse.IsEmpty ? [] : mentioned.Distinct().Take(5)).Distinct();
    }

    private static IEnumerable<int> FieldsAfter(ImmutableArray<string> lines, string inUse)
    {
        var at = lines.LastIndexOf(inUse);
        return Endpoints.FromFields(lines.Skip(at + 1).Take(12)) is { } hostPort ? [Endpoints.PortOf(hostPort)] : [];
    }
}
