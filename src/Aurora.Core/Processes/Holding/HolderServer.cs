using System.Runtime.InteropServices;

namespace Aurora.Core.Processes.Holding;

/// `aurora holder DIR`: the parent of a project's services, which outlives its daemon. It spawns on the daemon's
/// behalf, reaps and keeps each exit status until the daemon has it, and keeps a copy of the read end of every
/// service's output: while a daemon is connected it only passes that descriptor over (SCM_RIGHTS) and never reads;
/// while none is, it drains the output into a bounded buffer, so no service blocks or dies of SIGPIPE. The next
/// daemon to connect gets a hello listing every child (pid, start time, tag, exit if any, the daemon's memo), the
/// held output and the descriptors back.
///
/// One thread and poll(2) (and a few that only spawn: HolderServer.Spawner): no thread pool, no timers, nothing of the daemon's (no HTTP, no SQLite, no JSON), so it
/// stays a few MB resident. It exits when no daemon is connected and none of its children runs.
public sealed partial class HolderServer
{
    /// How long a new holder waits for its first daemon, and how long exit statuses nobody collected are kept.
    private static readonly TimeSpan FirstDaemonWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UnclaimedExitsKept = TimeSpan.FromMinutes(10);

    private readonly HolderFiles _files;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly List<HeldChild> _children = [];
    private readonly byte[] _frame = new byte[HolderSocket.MaxFrame];
    private readonly string _token = NewToken();
    private int _listener = -1;
    private int _daemon = -1;
    private long _alone;
    private bool _everAttached;

    private HolderServer(HolderFiles files)
    {
        _files = files;
    }

    /// Runs the holder of the project whose state directory is given; returns its exit code.
    public static int Run(string stateDirectory)
    {
        // Only the daemon holding the project's lock starts a holder, and only when none answers: no second one.
        var files = new HolderFiles(stateDirectory);
        // Descendants that leave their service's group (double fork) are re-parented here, not to init, so they
        // are reaped and their group can still be told apart.
        _ = LibC.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        var server = new HolderServer(files);
        try
        {
            server.Serve();
            return 0;
        }
        finally
        {
            files.Remove(Environment.ProcessId);
        }
    }

    private void Serve()
    {
        File.Delete(_files.Socket);
        _listener = HolderSocket.Listen(_files.Socket);
        File.SetUnixFileMode(_files.Socket, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _files.WriteIdentity(Environment.ProcessId, ProcessTable.Read(Environment.ProcessId)?.StartTicks ?? 0, _token);
        _alone = _time.GetTimestamp();
        while (true)
        {
            var polled = Poll();
            TakeSpawned(); // before reaping: a child that ended at once is known by then, or kept as Early
            Reap();
            if (polled.DaemonReadable)
            {
                ReadRequests();
            }

            if (polled.ListenerReadable)
            {
                Attach();
            }

            if (_daemon < 0)
            {
                DrainOutput(polled.Ready);
                if (ShouldExit())
                {
                    return;
                }
            }
        }
    }

    /// From /dev/urandom directly: RandomNumberGenerator would be one more native library resident here.
    private static string NewToken()
    {
        var bytes = new byte[16];
        using (var random = new FileStream("/dev/urandom", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1))
        {
            random.ReadExactly(bytes);
        }

        return Convert.ToHexString(bytes);
    }

    /// Nothing runs and no daemon is connected: at once when nothing is left to hand over, else once the exit
    /// statuses have waited long enough for a daemon (or the first daemon never came).
    private bool ShouldExit()
    {
        if (_inFlight > 0 || _children.Any(c => c.Exit is null))
        {
            return false;
        }

        var alone = _time.GetElapsedTime(_alone);
        return !_everAttached ? alone > FirstDaemonWait : _children.Count == 0 || alone > UnclaimedExitsKept;
    }

    private unsafe (bool ListenerReadable, bool DaemonReadable, HashSet<int> Ready) Poll()
    {
        var fds = new List<int> { _listener };
        if (_daemon >= 0)
        {
            fds.Add(_daemon);
        }

        if (_wake[0] >= 0)
        {
            fds.Add(_wake[0]);
        }

        fds.AddRange(_children.Where(c => c.PidFd >= 0).Select(c => c.PidFd));
        if (_daemon < 0)
        {
            fds.AddRange(_children.Where(c => c.OutputFd >= 0).Select(c => c.OutputFd));
        }

        var polls = new LibC.PollFd[fds.Count];
        for (var i = 0; i < fds.Count; i++)
        {
            polls[i] = new LibC.PollFd { Fd = fds[i], Events = LibC.POLLIN };
        }

        fixed (LibC.PollFd* p = polls)
        {
            // A second at most: orphaned grandchildren (re-parented here) are reaped on the next pass.
            if (LibC.poll(p, (nuint)polls.Length, 1000) < 0 && Marshal.GetLastPInvokeError() != LibC.EINTR)
            {
                throw new IOException($"poll failed: {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }

        var ready = polls.Where(p => p.Revents != 0).Select(p => p.Fd).ToHashSet();
        return (ready.Contains(_listener), _daemon >= 0 && ready.Contains(_daemon), ready);
    }

    /// Reaps every child that has ended (services, and orphans re-parented here), keeping services' statuses.
    private void Reap()
    {
        while (WaitStatus.ReapNext() is (var pid, var status))
        {
            if (_children.Find(c => c.Pid == pid && c.Exit is null) is { } child)
            {
                child.Exit = status;
                LibC.close(child.PidFd);
                child.PidFd = -1;
                SendExited(child);
            }
            else if (_inFlight > 0)
            {
                _early[pid] = status; // perhaps a spawn not taken in yet (HolderServer.Spawner)
            }
        }
    }

    private void SendExited(HeldChild child) => SendToDaemon(HolderFrames.Write(HolderFrames.Exited, w =>
    {
        w.Write(child.Pid);
        HolderFrames.WriteStatus(w, child.Exit);
    }));

    /// A daemon connected: it replaces any previous one (only one daemon holds the project's lock, so a new
    /// connection means the old daemon is gone), and gets every child, its held output and its descriptor.
    private void Attach()
    {
        var fd = HolderSocket.Accept(_listener);
        if (fd < 0)
        {
            return;
        }

        Detach();
        FinishSpawns();
        _daemon = fd;
        _everAttached = true;
        SendToDaemon(HolderFrames.Write(HolderFrames.Hello, w =>
        {
            w.Write(HolderFrames.Version);
            w.Write(Environment.ProcessId);
            w.Write(_token);
        }));
        foreach (var child in _children.ToList())
        {
            HandOver(child);
        }

        SendToDaemon(HolderFrames.Write(HolderFrames.HelloDone, _ => { }));
    }

    private void Detach()
    {
        if (_daemon >= 0)
        {
            LibC.close(_daemon);
            _daemon = -1;
            _alone = _time.GetTimestamp();
        }
    }

    /// False when there is no daemon or it has gone (the frame is then not delivered; the daemon is detached).
    private bool SendToDaemon(byte[] frame, int passFd = -1)
    {
        if (_daemon < 0)
        {
            return false;
        }

        if (HolderSocket.Send(_daemon, frame, passFd))
        {
            return true;
        }

        Detach();
        return false;
    }
}
