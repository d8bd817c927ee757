using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Diagnosis;

/// A port table and a kernel log for diagnosis tests, and a short way to build a failure.
internal sealed class FakePortOwners(params PortOwner[] owners) : IPortOwners
{
    public PortOwner? Owner(int port) => owners.FirstOrDefault(o => o.Port == port);
}

internal sealed class FakeOomKills(OomKill? kill = null) : IOomKills
{
    public List<(int? Pid, TimeSpan Within)> Asked { get; } = [];

    public OomKill? Find(int? pid, TimeSpan within)
    {
        Asked.Add((pid, within));
        return kill;
    }
}

internal static class Failures
{
    public static Aurora.Core.Diagnosis.Diagnosis Diagnose(FailureContext failure, IPortOwners? ports = null, IOomKills? kernel = null) =>
        Diagnoser.Default(ports ?? new FakePortOwners(), kernel ?? new FakeOomKills()).Diagnose(failure);

    public static FailureContext Exit(int code, string output, params int[] ports) =>
        new("api", new ExitStatus(code, null), TimeSpan.FromSeconds(10), Lines(output), [.. ports]);

    public static FailureContext Killed(int signal, string output) =>
        new("api", new ExitStatus(null, signal), TimeSpan.FromSeconds(10), Lines(output), []);

    public static ImmutableArray<string> Lines(string output) => [.. output.Split('\n')];
}
