namespace Aurora.Core.Processes.Holding;

/// Output while no daemon is connected (drained into HeldOutput), and its handover to the next daemon.
public sealed partial class HolderServer
{
    private unsafe void DrainOutput(HashSet<int> ready)
    {
        foreach (var child in _children.Where(c => c.OutputFd >= 0 && ready.Contains(c.OutputFd)))
        {
            fixed (byte* buffer = _frame)
            {
                var read = LibC.read(child.OutputFd, buffer, (nuint)_frame.Length);
                if (read > 0)
                {
                    child.Held.Add(_frame.AsSpan(0, (int)read));
                }
                else if (read == 0 || System.Runtime.InteropServices.Marshal.GetLastPInvokeError() is not (LibC.EINTR or LibC.EAGAIN))
                {
                    // Every writer has closed its end: the output is complete.
                    LibC.close(child.OutputFd);
                    child.OutputFd = -1;
                }
            }
        }
    }

    /// One child to a newly connected daemon: its record (with the output descriptor, if still open), then the
    /// output held for it, in chunks that fit a frame.
    private void HandOver(HeldChild child)
    {
        var dropped = child.Held.Dropped;
        var chunks = child.Held.Take();
        var sent = SendToDaemon(HolderFrames.Write(HolderFrames.Child, w =>
        {
            w.Write(child.Pid);
            w.Write(child.StartTicks);
            w.Write(child.StartedAtMs);
            w.Write(child.Tag);
            w.Write(child.Memo);
            w.Write(child.Exit is not null);
            HolderFrames.WriteStatus(w, child.Exit);
            w.Write(dropped);
            w.Write(child.OutputFd >= 0);
        }), child.OutputFd);
        const int Room = HolderSocket.MaxFrame - 64;
        foreach (var chunk in chunks)
        {
            for (var offset = 0; sent && offset < chunk.Length; offset += Room)
            {
                var part = chunk.AsMemory(offset, Math.Min(Room, chunk.Length - offset));
                sent = SendToDaemon(HolderFrames.Write(HolderFrames.Output, w =>
                {
                    w.Write(child.Pid);
                    w.Write(part.Span);
                }));
            }
        }
    }
}
