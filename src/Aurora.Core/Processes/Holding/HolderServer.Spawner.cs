using System.Collections.Immutable;

namespace Aurora.Core.Processes.Holding;

/// Spawns on a few threads of their own. posix_spawn returns only once the child has exec'd (vfork), so one spawn
/// costs the holder the child's wait for a CPU and its exec: about 4 ms on a loaded 2-core machine, which made
/// 1,000 services take 4 s in the holder alone however fast the daemon asked. With SpawnThreads spawns in flight,
/// those waits overlap. Everything else stays on the loop's thread: the children list, reaping, and the socket.
///
/// An exit can be reaped before the loop has taken in its spawn (a process that ends at once): while spawns are in
/// flight, the loop keeps the status of a pid it does not know (Early) and gives it to the spawn it belongs to.
public sealed partial class HolderServer
{
    /// Enough to keep both cores of a small machine busy while each spawn waits on its child's exec.
    private const int SpawnThreads = 4;

    private readonly Queue<SpawnRequest> _requested = new();
    private readonly Queue<SpawnResult> _spawned = new();

    /// The process umask is shared by every thread: a spawn with its own umask runs alone (write), the others together (read).
    private readonly ReaderWriterLockSlim _umaskGate = new();
    private readonly Dictionary<int, ExitStatus> _early = [];
    private readonly int[] _wake = [-1, -1];
    private int _threads;

    /// Spawns asked for whose result the loop has not taken in yet (the loop's thread only).
    private int _inFlight;

    private void RequestSpawn(SpawnRequest request)
    {
        EnsureSpawners();
        _inFlight++;
        lock (_requested)
        {
            _requested.Enqueue(request);
            Monitor.Pulse(_requested);
        }
    }

    private unsafe void EnsureSpawners()
    {
        if (_threads > 0)
        {
            return;
        }

        fixed (int* fds = _wake)
        {
            if (LibC.socketpair(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC | LibC.SOCK_NONBLOCK, 0, fds) != 0)
            {
                throw new IOException($"socketpair failed: {System.Runtime.InteropServices.Marshal.GetLastPInvokeErrorMessage()}");
            }
        }

        for (; _threads < SpawnThreads; _threads++)
        {
            // Small stacks: the holder stays a few MB resident.
            new Thread(SpawnLoop, 256 * 1024) { IsBackground = true, Name = "aurora holder spawn" }.Start();
        }
    }

    private void SpawnLoop()
    {
        while (true)
        {
            SpawnRequest request;
            lock (_requested)
            {
                while (_requested.Count == 0)
                {
                    Monitor.Wait(_requested);
                }

                request = _requested.Dequeue();
            }

            SpawnResult result;
            try
            {
                result = Run(request);
            }
            catch (Exception)
            {
                // An exception left on a thread of its own would abort the holder, the services' parent, and the
                // daemon would wait for this answer forever: the spawn fails instead (output pair or pidfd exhausted).
                result = new SpawnResult(request, 0, 0, 0, -1, -1, LibC.EIO);
            }

            lock (_spawned)
            {
                _spawned.Enqueue(result);
            }

            // The loop polls the other end; a full buffer means a wake is pending already.
            HolderSocket.Send(_wake[1], [1]);
        }
    }

    private SpawnResult Run(SpawnRequest request)
    {
        var (parentFd, childFd) = request.WantsOutput ? OutputPump.CreatePair() : (-1, -1);
        var alone = request.Umask >= 0;
        if (alone)
        {
            _umaskGate.EnterWriteLock();
        }
        else
        {
            _umaskGate.EnterReadLock();
        }

        int errno, pid;
        try
        {
            errno = SpawnWithUmask(new ProcessSpec(request.Argv, request.Cwd, ImmutableDictionary<string, string>.Empty), request.Envp, childFd,
                request.Umask, out pid);
        }
        catch
        {
            if (parentFd >= 0)
            {
                LibC.close(parentFd);
            }

            throw;
        }
        finally
        {
            if (alone)
            {
                _umaskGate.ExitWriteLock();
            }
            else
            {
                _umaskGate.ExitReadLock();
            }

            if (childFd >= 0)
            {
                LibC.close(childFd);
            }
        }

        if (errno != 0)
        {
            if (parentFd >= 0)
            {
                LibC.close(parentFd);
            }

            return new SpawnResult(request, 0, 0, 0, -1, -1, errno);
        }

        // Read before the loop takes the result in: the loop may reap the child meanwhile (see Early), and then both
        // come back empty (0, -1), which is right for a process that has ended.
        var startTicks = ProcessTable.Read(pid)?.StartTicks ?? 0;
        var pidFd = (int)LibC.syscall(PidfdOpen, pid, 0, 0, 0);
        return new SpawnResult(request, pid, startTicks, _time.GetUtcNow().ToUnixTimeMilliseconds(), pidFd, parentFd, 0);
    }

    /// The loop's side: the spawns done since the last pass become children, and the daemon hears of each.
    private unsafe void TakeSpawned()
    {
        if (_wake[0] < 0)
        {
            return;
        }

        var drain = stackalloc byte[64];
        while (LibC.read(_wake[0], drain, 64) > 0)
        {
        }

        while (true)
        {
            SpawnResult result;
            lock (_spawned)
            {
                if (!_spawned.TryDequeue(out result!))
                {
                    break;
                }
            }

            _inFlight--;
            Answer(result);
        }

        if (_inFlight == 0)
        {
            _early.Clear(); // nothing is being spawned: an unknown pid reaped was an orphan, not a child of ours
        }
    }

    /// A daemon connecting gets every child in its hello: spawns still running for the one before are finished first
    /// (their answers go nowhere, that daemon has gone), so none is left out of the hello, and no answer to the old
    /// daemon's request ids reaches the new daemon, whose ids start again at 1.
    private unsafe void FinishSpawns()
    {
        while (_inFlight > 0)
        {
            var poll = new LibC.PollFd { Fd = _wake[0], Events = LibC.POLLIN };
            _ = LibC.poll(&poll, 1, 1000);
            TakeSpawned();
        }
    }

    private void Answer(SpawnResult result)
    {
        var id = result.Request.Id;
        if (result.Errno != 0)
        {
            SendToDaemon(HolderFrames.Write(HolderFrames.Spawned, w =>
            {
                w.Write(id);
                w.Write(0);
                w.Write(0L);
                w.Write(0L);
                w.Write(result.Errno);
            }));
            return;
        }

        var child = new HeldChild(result.Pid, result.StartTicks, result.StartedAtMs, result.Request.Tag, result.Request.Memo, result.PidFd,
            result.OutputFd);
        _children.Add(child);
        var ended = _early.Remove(result.Pid, out var status);
        if (ended)
        {
            child.Exit = status;
            LibC.close(child.PidFd);
            child.PidFd = -1;
        }

        SendToDaemon(HolderFrames.Write(HolderFrames.Spawned, w =>
        {
            w.Write(id);
            w.Write(result.Pid);
            w.Write(result.StartTicks);
            w.Write(result.StartedAtMs);
            w.Write(0);
        }), result.OutputFd);
        if (ended)
        {
            SendExited(child);
        }
    }

    private sealed record SpawnRequest(int Id, string Tag, ImmutableArray<string> Argv, string Cwd, ImmutableArray<string> Envp, int Umask,
        bool WantsOutput, string Memo);

    private sealed record SpawnResult(SpawnRequest Request, int Pid, long StartTicks, long StartedAtMs, int PidFd, int OutputFd, int Errno);
}
