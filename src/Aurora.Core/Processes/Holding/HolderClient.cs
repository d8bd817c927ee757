using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Aurora.Core.Processes.Holding;

/// The daemon's end of its holder's socket: spawn, signal and release requests out, spawn replies and exits in
/// (on a reader thread of its own). Made by HolderConnection, after the hello has been read and verified.
public sealed partial class HolderClient : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    /// Spawn requests sent and not yet answered, at most: the holder's queue stays short (each request waits its
    /// ReplyTimeout from its send), and no sender blocks on a full socket.
    private const int InFlight = 64;

    private readonly SemaphoreSlim _window = new(InFlight, InFlight);

    private readonly int _fd;
    private readonly Lock _sending = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<SpawnReply>> _spawns = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<ExitStatus>> _exits = new();
    private readonly HashSet<int> _claimed = [];
    private readonly Lock _exitGate = new();
    private readonly ConcurrentDictionary<int, long> _startTicks = new();
    private readonly TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;
    private volatile bool _closed;

    private HolderClient(int fd, int holderPid, long holderStartTicks, ImmutableArray<HeldRecord> held)
    {
        _fd = fd;
        HolderPid = holderPid;
        HolderStartTicks = holderStartTicks;
        Held = held;
        foreach (var record in held)
        {
            _startTicks[record.Pid] = record.StartTicks;
            var exit = _exits[record.Pid] = new TaskCompletionSource<ExitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (record.Exit is { } status)
            {
                exit.TrySetResult(status);
            }
        }
    }

    public int HolderPid { get; }

    public long HolderStartTicks { get; }

    /// What the holder held when this daemon connected, in spawn order.
    public ImmutableArray<HeldRecord> Held { get; }

    /// Completes when the holder has gone (its socket closed): the daemon then starts another for new spawns.
    public Task Lost => _lost.Task;

    public bool IsLost => _lost.Task.IsCompleted;

    /// Completes with the status the holder reaped, the moment it reports it; then the holder forgets the child.
    /// The exit may already be in: a process that ends within a millisecond of its spawn is reported before the
    /// daemon has built its HeldProcess, so a reported exit stays until it is claimed here (else it read as "no status"
    /// and `echo done` went into backoff as a failure).
    internal Task<ExitStatus> ExitOf(int pid)
    {
        lock (_exitGate)
        {
            if (!_exits.TryGetValue(pid, out var exit))
            {
                return Task.FromResult(new ExitStatus(null, null));
            }

            if (exit.Task.IsCompleted)
            {
                _exits.TryRemove(pid, out _);
            }
            else
            {
                _claimed.Add(pid);
            }

            return exit.Task;
        }
    }

    /// The holder reported an exit: its waiter completes; the entry goes once it has been claimed (see ExitOf).
    private void Reported(int pid, ExitStatus status)
    {
        TaskCompletionSource<ExitStatus>? exit;
        lock (_exitGate)
        {
            if (_exits.TryGetValue(pid, out exit) && _claimed.Remove(pid))
            {
                _exits.TryRemove(pid, out _);
            }
        }

        exit?.TrySetResult(status);
    }

    private long StartTicksOf(int pid) => _startTicks.GetValueOrDefault(pid);

    /// Asks the holder to spawn and waits for its answer without holding a thread: many spawns are in flight over the
    /// one socket at once (up to InFlight; the holder runs several together), each answer matched to its request by id.
    /// A thread blocked per spawn instead left 1,000 services starting at the pace the thread pool grew.
    internal async Task<SpawnReply> SpawnAsync(ProcessSpec spec, IReadOnlyCollection<string> envp)
    {
        if (!await _window.WaitAsync(ReplyTimeout))
        {
            throw new IOException("the holder did not answer a spawn request");
        }

        var id = Interlocked.Increment(ref _nextId);
        try
        {
            var reply = _spawns[id] = new TaskCompletionSource<SpawnReply>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!Send(SpawnFrame(id, spec, envp)))
            {
                throw new IOException("the holder did not answer a spawn request");
            }

            return await reply.Task.WaitAsync(ReplyTimeout);
        }
        catch (TimeoutException)
        {
            throw new IOException("the holder did not answer a spawn request");
        }
        finally
        {
            _spawns.TryRemove(id, out _);
            _window.Release();
        }
    }

    private static byte[] SpawnFrame(int id, ProcessSpec spec, IReadOnlyCollection<string> envp) => HolderFrames.Write(HolderFrames.Spawn, w =>
    {
        w.Write(id);
        w.Write(spec.Tag ?? "");
        HolderFrames.WriteList(w, spec.Argv);
        w.Write(spec.WorkingDirectory);
        HolderFrames.WriteList(w, envp);
        w.Write(spec.Umask ?? -1);
        w.Write(spec.Output is not null);
        w.Write(spec.Memo ?? "");
    });

    /// The child's whole process group, while the holder has not reaped it (so never a recycled group).
    internal void Signal(int pid, int signal) => Send(HolderFrames.Write(HolderFrames.Signal, w =>
    {
        w.Write(pid);
        w.Write(signal);
    }));

    internal void Forget(int pid) => Send(HolderFrames.Write(HolderFrames.Release, w => w.Write(pid)));

    private bool Send(byte[] frame)
    {
        lock (_sending)
        {
            return !_closed && HolderSocket.Send(_fd, frame);
        }
    }

    /// Disconnects without touching any service: the holder keeps them (and their output) for the next daemon.
    public void Dispose()
    {
        lock (_sending)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;

            // shutdown(2) wakes the reader thread, which closes the descriptor.
            _ = LibC.shutdown(_fd, 2);
        }
    }

    internal sealed record SpawnReply(int Pid, long StartTicks, DateTimeOffset StartedAt, int Errno, int OutputFd);
}
