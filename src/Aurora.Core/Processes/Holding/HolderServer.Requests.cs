using System.Collections.Immutable;

namespace Aurora.Core.Processes.Holding;

/// What the daemon asks of the holder: spawn a service, signal one's process group, forget one it has seen end.
public sealed partial class HolderServer
{
    private const long PidfdOpen = 434; // same number on x86_64 and arm64

    private void ReadRequests()
    {
        var length = HolderSocket.Receive(_daemon, _frame, out var stray);
        if (stray >= 0)
        {
            LibC.close(stray);
        }

        if (length == 0)
        {
            Detach();
            return;
        }

        using var r = HolderFrames.Read(_frame, length, out var type);
        switch (type)
        {
            case HolderFrames.Spawn:
                Spawn(r);
                break;
            case HolderFrames.Signal:
                var pid = r.ReadInt32();
                var signal = r.ReadInt32();

                // Only while the child is not reaped: its pid (a zombie at worst) cannot be anyone else's.
                if (_children.Find(c => c.Pid == pid && c.Exit is null) is not null)
                {
                    LibC.kill(-pid, signal);
                }

                break;
            case HolderFrames.Release:
                var released = r.ReadInt32();
                if (_children.Find(c => c.Pid == released) is { Exit: not null } done)
                {
                    done.CloseAll();
                    _children.Remove(done);
                }

                break;
        }
    }

    private void Spawn(BinaryReader r)
    {
        var id = r.ReadInt32();
        var tag = r.ReadString();
        var argv = HolderFrames.ReadList(r);
        var cwd = r.ReadString();
        var envp = HolderFrames.ReadList(r);
        var umask = r.ReadInt32();
        var wantsOutput = r.ReadBoolean();
        var memo = r.ReadString();
        var (parentFd, childFd) = wantsOutput ? OutputPump.CreatePair() : (-1, -1);
        var errno = SpawnWithUmask(new ProcessSpec(argv, cwd, ImmutableDictionary<string, string>.Empty), envp, childFd, umask, out var pid);
        if (childFd >= 0)
        {
            LibC.close(childFd);
        }

        if (errno != 0)
        {
            if (parentFd >= 0)
            {
                LibC.close(parentFd);
            }

            SendToDaemon(HolderFrames.Write(HolderFrames.Spawned, w =>
            {
                w.Write(id);
                w.Write(0);
                w.Write(0L);
                w.Write(0L);
                w.Write(errno);
            }));
            return;
        }

        // Not reaped yet (only this thread reaps), so its stat is there and its pid is its own.
        var startTicks = ProcessTable.Read(pid)?.StartTicks ?? 0;
        var startedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var pidFd = (int)LibC.syscall(PidfdOpen, pid, 0, 0, 0);
        var child = new HeldChild(pid, startTicks, startedAt, tag, memo, pidFd, parentFd);
        _children.Add(child);
        SendToDaemon(HolderFrames.Write(HolderFrames.Spawned, w =>
        {
            w.Write(id);
            w.Write(pid);
            w.Write(startTicks);
            w.Write(startedAt);
            w.Write(0);
        }), parentFd);
    }

    /// The holder is single-threaded, so switching its umask around the spawn affects nothing else.
    private static int SpawnWithUmask(ProcessSpec spec, IReadOnlyList<string> envp, int outputFd, int umask, out int pid)
    {
        if (umask < 0)
        {
            return PosixSpawn.Spawn(spec, envp, outputFd, out pid);
        }

        var own = LibC.umask((uint)umask);
        try
        {
            return PosixSpawn.Spawn(spec, envp, outputFd, out pid);
        }
        finally
        {
            LibC.umask(own);
        }
    }
}
