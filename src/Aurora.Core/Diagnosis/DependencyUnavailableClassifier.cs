using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// A dependency is down (the supervisor's gate says so), or the output shows a refused connection to a
/// HOST:PORT that is not one of the service's own ports — an external redis, postgres or HTTP API,
/// declared in depends_on or not. The verdict names that endpoint (Diagnosis.WaitFor) so it can be probed.
public sealed partial class DependencyUnavailableClassifier : IFailureClassifier
{
    [GeneratedRegex(@"ECONNREFUSED|[Cc]onnection refused|Errno 111\b|could not connect to|[Cc]ouldn't connect to server|Failed to connect to|ConnectException|connect: connection refused",
        RegexOptions.CultureInvariant)]
    private static partial Regex Refused();

    public Diagnosis? Classify(FailureContext failure)
    {
        var refused = Evidence.Matching(failure.RecentLines, Refused());
        var target = refused.IsEmpty ? null : Target(failure.RecentLines, failure.DeclaredPorts);
        if (failure.DependencyDown is { } reason)
        {
            return new Diagnosis(Causes.DependencyUnavailable, 0.9, Evidence.With(reason, Evidence.Matching(failure.RecentLines, Refused(), 3)),
                $"{failure.Service} depends on a service that is down ({reason})")
            { WaitFor = target };
        }

        if (refused.IsEmpty)
        {
            return null;
        }

        // A refused connection to one of its own ports is the service failing to reach itself, not a dependency.
        if (target is null && refused.SelectMany(Endpoints.Ports).Any(failure.DeclaredPorts.Contains))
        {
            return null;
        }

        return target is null
            ? new Diagnosis(Causes.DependencyUnavailable, 0.6, refused, $"{failure.Service} could not connect to something it needs: {Evidence.Last(refused)}")
            : new Diagnosis(Causes.DependencyUnavailable, 0.85, refused, $"{failure.Service} could not connect to {target}: waiting for {target}") { WaitFor = target };
    }

    /// The HOST:PORT a service could not connect to, from its output (or from the evidence of a verdict):
    /// the endpoint a refused line names, else the one in the error fields that follow it (Node), else the
    /// newest endpoint the run mentioned before it ("connecting to redis at 127.0.0.1:6379"). Never one of
    /// the service's own ports. Null when the output names none.
    public static string? Target(IReadOnlyList<string> lines, IReadOnlyCollection<int> ownPorts)
    {
        var output = lines.Where(l => !FailureOutput.IsAuroraNote(l)).ToList();
        var last = output.FindLastIndex(l => Refused().IsMatch(l));
        if (last < 0)
        {
            return null;
        }

        bool Foreign(string hostPort) => !ownPorts.Contains(Endpoints.PortOf(hostPort));
        for (var i = last; i >= 0; i--)
        {
            if (Refused().IsMatch(output[i]))
            {
                if (Endpoints.HostPorts(output[i]).FirstOrDefault(Foreign) is { } named)
                {
                    return named;
                }

                if (Endpoints.FromFields(output.Skip(i + 1).Take(12)) is { } field && Foreign(field))
                {
                    return field;
                }
            }
        }

        return output.Take(last).Reverse().Where(l => !FailureOutput.IsUpMarker(l))
            .SelectMany(Endpoints.HostPorts).FirstOrDefault(Foreign);
    }
}
