using System.Collections.Immutable;

namespace Aurora.Core.Processes.Holding;

/// Connecting: the hello, its verification, and the reader thread that follows.
public sealed partial class HolderClient
{
    /// Connects to the project's holder and reads its hello. Null when none answers, or when what answers is
    /// not the holder its identity file names (pid from the socket's peer credentials, that pid's start time,
    /// and the token): a stale socket or a recycled pid is never trusted, and nothing it lists is touched.
    public static HolderClient? Connect(HolderFiles files)
    {
        var fd = HolderSocket.Connect(files.Socket);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            var buffer = new byte[HolderSocket.MaxFrame];
            if (ReadHello(fd, buffer) is not { } hello || files.ReadIdentity() is not { } identity
                || identity.Pid != hello.Pid || identity.Token != hello.Token || HolderSocket.PeerPid(fd) != hello.Pid
                || ProcessTable.Read(hello.Pid)?.StartTicks != identity.StartTicks)
            {
                LibC.close(fd);
                return null;
            }

            var client = new HolderClient(fd, hello.Pid, identity.StartTicks, hello.Held);
            var reader = new Thread(() => client.ReadLoop(buffer)) { IsBackground = true, Name = "aurora holder" };
            reader.Start();
            return client;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException)
        {
            LibC.close(fd);
            return null;
        }
    }

    private static (int Pid, string Token, ImmutableArray<HeldRecord> Held)? ReadHello(int fd, byte[] buffer)
    {
        var held = new List<HeldRecord>();
        (int Pid, string Token)? hello = null;
        while (true)
        {
            var length = ReceiveWithin(fd, buffer, out var passed, TimeSpan.FromSeconds(5));
            if (length == 0)
            {
                return null;
            }

            using var r = HolderFrames.Read(buffer, length, out var type);
            switch (type)
            {
                case HolderFrames.Hello when r.ReadInt32() == HolderFrames.Version:
                    hello = (r.ReadInt32(), r.ReadString());
                    break;
                case HolderFrames.Child:
                    var record = ReadChild(r);
                    record.OutputFd = passed;
                    held.Add(record);
                    break;
                case HolderFrames.Output when held.Count > 0 && held[^1].Pid == r.ReadInt32():
                    held[^1].Output.Add(r.ReadBytes(length - 5));
                    break;
                case HolderFrames.HelloDone when hello is { } h:
                    return (h.Pid, h.Token, [.. held]);
                default:
                    return null;
            }
        }
    }

    private static HeldRecord ReadChild(BinaryReader r)
    {
        var pid = r.ReadInt32();
        var startTicks = r.ReadInt64();
        var startedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.ReadInt64());
        var tag = r.ReadString();
        var memo = r.ReadString();
        var exited = r.ReadBoolean();
        var status = HolderFrames.ReadStatus(r);
        var dropped = r.ReadInt64();
        return new HeldRecord(pid, startTicks, startedAt, tag, memo, exited ? status : null, dropped);
    }

    /// A frame, or 0 when none came within the time (a holder that hangs is not waited on forever).
    private static unsafe int ReceiveWithin(int fd, byte[] buffer, out int passed, TimeSpan within)
    {
        passed = -1;
        var poll = new LibC.PollFd { Fd = fd, Events = LibC.POLLIN };
        return LibC.poll(&poll, 1, (int)within.TotalMilliseconds) > 0 ? HolderSocket.Receive(fd, buffer, out passed) : 0;
    }

    private void ReadLoop(byte[] buffer)
    {
        try
        {
            while (true)
            {
                var length = HolderSocket.Receive(_fd, buffer, out var passed);
                if (length == 0)
                {
                    return;
                }

                using var r = HolderFrames.Read(buffer, length, out var type);
                if (type == HolderFrames.Spawned)
                {
                    OnSpawned(r, passed);
                }
                else if (type == HolderFrames.Exited)
                {
                    var pid = r.ReadInt32();
                    var status = HolderFrames.ReadStatus(r);
                    _startTicks.TryRemove(pid, out _);
                    Reported(pid, status);

                    // Never from this thread: a send blocks while the holder's socket is full, and the holder
                    // drains it only once its own sends (these exits) are read. With 1,000 stops at once, the
                    // reader waiting for the send lock behind a blocked signal was a deadlock (`aurora down` hung).
                    ThreadPool.UnsafeQueueUserWorkItem(static state => state.Client.Forget(state.Pid), (Client: this, Pid: pid), preferLocal: false);
                }
            }
        }
        finally
        {
            lock (_sending)
            {
                _closed = true;
                LibC.close(_fd);
            }

            foreach (var spawn in _spawns.Values)
            {
                spawn.TrySetException(new IOException("the holder has gone"));
            }

            _lost.TrySetResult();
            if (!_exits.IsEmpty)
            {
                _ = WatchOrphansAsync();
            }
        }
    }

    /// The holder died under a running daemon (killed by hand, say): its children live on, but nobody will report
    /// their exit status now. Their end is still seen, from /proc (status unknown), so they restart as they should.
    private async Task WatchOrphansAsync()
    {
        Console.Error.WriteLine($"aurora: the holder (pid {HolderPid}) has gone; {_exits.Count} service process(es) are watched without exit statuses");
        while (!_exits.IsEmpty)
        {
            foreach (var (pid, exit) in _exits)
            {
                if (ProcessTable.Read(pid) is not { IsZombie: false } p || p.StartTicks != StartTicksOf(pid))
                {
                    _exits.TryRemove(pid, out _);
                    exit.TrySetResult(new ExitStatus(null, null));
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }

    private void OnSpawned(BinaryReader r, int passed)
    {
        var id = r.ReadInt32();
        var pid = r.ReadInt32();
        var startTicks = r.ReadInt64();
        var startedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.ReadInt64());
        var errno = r.ReadInt32();
        if (errno == 0)
        {
            // Before the reply is seen: an exit frame may follow at once, and must find its waiter.
            _exits[pid] = new TaskCompletionSource<ExitStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
            _startTicks[pid] = startTicks;
        }

        if (_spawns.TryRemove(id, out var reply))
        {
            reply.TrySetResult(new SpawnReply(pid, startTicks, startedAt, errno, passed));
        }
        else if (passed >= 0)
        {
            LibC.close(passed);
        }
    }
}
