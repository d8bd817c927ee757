using Aurora.Core.Processes;

namespace Aurora.Core.Logs;

/// Where a service's output goes (its log). One per service, across restarts.
public interface IServiceOutput
{
    /// A sink for one spawned process.
    IOutputSink OpenWriter();

    /// A line written by Aurora itself, e.g. "[aurora] started pid 4242".
    void WriteNote(string line);

    /// The newest lines, for evidence.
    IReadOnlyList<string> RecentLines(int count);
}
