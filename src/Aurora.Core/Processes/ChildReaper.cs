using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// The one place that reaps children. It waits with waitpid(-1), so it reaps every child of the
/// daemon, including orphans re-parented to us because we are a child subreaper: nothing else in
/// the process may start children (System.Diagnostics.Process would lose its exit statuses).
/// Event-driven: each SIGCHLD triggers a pass that loops waitpid(WNOHANG) until nothing is left,
/// so coalesced signals lose nothing.
public sealed unsafe class ChildReaper
{
    private static readonly Lazy<ChildReaper> LazyInstance = new(() => new ChildReaper());

    private readonly Lock gate = new();
    private readonly Dictionary<int, TaskCompletionSource<ExitStatus>> waiting = [];
    private readonly PosixSignalRegistration registration;
    private TaskCompletionSource pulse = NewPulse();
    private TaskCompletionSource notified = NewPulse();
    private long orphansReaped;

    private ChildReaper()
    {
        if (LibC.prctl(LibC.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
        {
            throw new InvalidOperationException($"prctl(PR_SET_CHILD_SUBREAPER) failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        // The runtime dispatches SIGCHLD to us without touching the disposition; we never cancel it.
        registration = PosixSignalRegistration.Create(PosixSignal.SIGCHLD, _ => OnSigchld());
    }

    /// The daemon-wide reaper; the first use makes the process a subreaper and subscribes to SIGCHLD.
    public static ChildReaper Instance => LazyInstance.Value;

    /// Children reaped that nobody had registered (adopted orphans).
    public long OrphansReaped => Interlocked.Read(ref orphansReaped);

    /// Completes after the next pass that reaps at least one process.
    internal Task NextReap
    {
        get
        {
            lock (gate)
            {
                return pulse.Task;
            }
        }
    }

    /// Completes after the next SIGCHLD (a child exited, stopped or continued) has been handled.
    internal Task NextSigchld
    {
        get
        {
            lock (gate)
            {
                return notified.Task;
            }
        }
    }

    /// Runs spawn (which returns the new pid or throws) under the reaper's lock, so a child that
    /// exits at once cannot be reaped before its pid is registered.
    internal Task<ExitStatus> Track(Func<int> spawn, out int pid)
    {
        var exited = new TaskCompletionSource<ExitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pid = spawn();
            waiting.Add(pid, exited);
        }

        ReapAll();
        return exited.Task;
    }

    /// kill(-pid, signal) while pid is registered and not yet reaped. Holding the lock keeps the pid
    /// (at worst a zombie) alive, so the process group cannot be a recycled, foreign one.
    internal bool SignalGroupIfTracked(int pid, int signal)
    {
        lock (gate)
        {
            if (!waiting.ContainsKey(pid))
            {
                return false;
            }

            LibC.kill(-pid, signal);
            return true;
        }
    }

    public void ReapAll()
    {
        List<(TaskCompletionSource<ExitStatus> Exited, ExitStatus Status)>? done = null;
        TaskCompletionSource? reaped = null;
        lock (gate)
        {
            while (WaitStatus.ReapNext() is (var pid, var status))
            {
                if (waiting.Remove(pid, out var exited))
                {
                    (done ??= []).Add((exited, status));
                }
                else
                {
                    orphansReaped++;
                }

                reaped ??= pulse;
            }

            if (reaped is not null)
            {
                pulse = NewPulse();
            }
        }

        foreach (var (exited, status) in done ?? [])
        {
            exited.TrySetResult(status);
        }

        reaped?.TrySetResult();
    }

    private void OnSigchld()
    {
        ReapAll();
        TaskCompletionSource handled;
        lock (gate)
        {
            handled = notified;
            notified = NewPulse();
        }

        handled.TrySetResult();
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
