using System.Collections.Immutable;

namespace Aurora.Core.Processes;

/// What to run. Argv is executed directly (PATH lookup for Argv[0]); never through a shell.
/// Tag, when set, is exported to the child as AURORA_TAG so that descendants which escape
/// the process group (double fork + setsid) can still be found and stopped with it.
/// Output receives stdout and stderr merged, in order; null sends both to /dev/null.
/// Umask, when set (e.g. 0o022), is the child's file-creation mask; null inherits the daemon's, which is
/// the umask of whoever ran `aurora up`.
public sealed record ProcessSpec(
    ImmutableArray<string> Argv,
    string WorkingDirectory,
    ImmutableDictionary<string, string> Environment,
    string? Tag = null,
    IOutputSink? Output = null,
    int? Umask = null)
{
    /// What the supervisor wants back if a later daemon adopts this process (restart counter, backoff attempt…):
    /// kept beside the process by the holder, opaque to it. Ignored by the daemon's own launcher.
    public string? Memo { get; init; }
}

/// Receives a child's output in arrival order, from one reader at a time.
public interface IOutputSink
{
    void Write(ReadOnlySpan<byte> chunk);

    /// The child's end of the output was closed by every process holding it.
    void Complete();
}
