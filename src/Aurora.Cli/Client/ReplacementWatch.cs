using Aurora.Core.Processes;

namespace Aurora.Cli.Client;

/// Tells a follower whose stream was lost whether the daemon may still come back. A daemon being replaced
/// (`aurora daemon restart`) keeps its pid while it re-executes, so as long as that process lives (for up to
/// ReplacementWait after the loss) the follower re-opens the stream; a daemon that is gone (down, a crash) ends it.
///
/// "Lives" is not "its /proc/PID/stat does not say zombie": the daemon calls execve from a thread-pool thread,
/// and the kernel then kills every other thread before the calling one takes over the pid; for that moment the
/// thread-group leader, whose state /proc/PID/stat shows, is a zombie. So a zombie counts as gone only once it
/// has stayed one for ZombieGrace (a dead daemon's zombie stays until reaped; an exec's lasts milliseconds), and a
/// process with another start time is another process on a reused pid.
internal sealed class ReplacementWatch
{
    public static readonly TimeSpan ReplacementWait = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan ZombieGrace = TimeSpan.FromSeconds(2);

    private readonly int? _pid;
    private readonly long? _startTicks;
    private readonly TimeProvider _time;
    private readonly Func<int, ProcessInfo?> _read;
    private long? _lostAt;
    private long? _zombieSince;

    /// pid: the daemon's when the follower started (null: none ran, so nothing can come back).
    public ReplacementWatch(int? pid, TimeProvider time, Func<int, ProcessInfo?>? read = null)
    {
        _time = time;
        _read = read ?? ProcessTable.Read;
        _pid = pid;
        _startTicks = pid is { } p ? _read(p)?.StartTicks : null;
    }

    /// The stream delivers again: a later loss waits afresh.
    public void Connected()
    {
        _lostAt = null;
        _zombieSince = null;
    }

    /// The stream ended, or connecting failed: true while the same daemon process may still answer again.
    public bool MayComeBack()
    {
        var now = _time.GetTimestamp();
        _lostAt ??= now;
        if (_pid is not { } pid || _startTicks is not { } started || _time.GetElapsedTime(_lostAt.Value) >= ReplacementWait)
        {
            return false;
        }

        if (_read(pid) is not { } info || info.StartTicks != started)
        {
            return false;
        }

        if (!info.IsZombie)
        {
            _zombieSince = null;
            return true;
        }

        _zombieSince ??= now;
        return _time.GetElapsedTime(_zombieSince.Value) < ZombieGrace;
    }
}
