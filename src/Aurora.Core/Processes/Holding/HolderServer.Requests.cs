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

    private void Spawn(BinaryReader r) => RequestSpawn(new SpawnRequest(r.ReadInt32(), r.ReadString(), HolderFrames.ReadList(r), r.ReadString(),
        HolderFrames.ReadList(r), r.ReadInt32(), r.ReadBoolean(), r.ReadString()));

    /// The caller holds the umask gate for writing when it sets a umask: switching it around the spawn affects no other spawn.
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
