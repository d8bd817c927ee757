namespace Aurora.Core.Diagnosis;

/// Who listens on a TCP port: pid, argv, (when it is one of Aurora's) its AURORA_TAG, and the secret values
/// of its own environment, which are masked wherever its command line is shown.
public sealed record PortOwner(int Port, int Pid, IReadOnlyList<string> CommandLine, string? Tag, IReadOnlyList<string>? SecretValues = null)
{
    /// The command line as it may be shown: on one line (`python3 -c "…"` scripts span several), with secret
    /// flags, NAME=value pairs, URL passwords and the holder's own secret env values masked.
    public string Command => Secrets.ScrubCommandLine([.. CommandLine.Select(a => a.ReplaceLineEndings(" ").Replace('\t', ' '))], SecretValues ?? []);

    /// "port 5001 is held by pid 4242 (python3 -m http.server 5001)": the first evidence line of a conflict
    /// (the stale-instance fix reads the port and pid back from it).
    public string Describe() => $"port {Port} is held by pid {Pid} ({Command}){TagNote()}";

    /// "pid 4242 (python3 -m http.server 5001), a foreign process" — for summaries.
    public string Who() => $"pid {Pid} ({Command}){(Tag is null ? ", a process not started by Aurora" : TagNote())}";

    /// An Aurora service carries AURORA_TAG=projectId/name: say which service it is.
    private string TagNote() => Tag is { } tag && tag.LastIndexOf('/') is var slash and > 0
        ? $", Aurora service {tag[(slash + 1)..]} (project {tag[..slash]})"
        : "";
}
