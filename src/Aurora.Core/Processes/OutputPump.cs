using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// Copies a child's merged stdout/stderr from our end of a socketpair into its sink. Reads are
/// epoll-driven (Socket.ReceiveAsync), so 200 services cost no blocked threads.
internal static class OutputPump
{
    private const int ChunkSize = 16 * 1024;
    private static readonly TimeSpan MaxPartialWait = TimeSpan.FromMilliseconds(200);

    /// Shared by every pump: a peek's byte is never read.
    private static readonly byte[] Probe = new byte[1];

    /// Both ends are close-on-exec; posix_spawn's dup2 onto 1 and 2 clears the flag for the child only.
    public static unsafe (int Parent, int Child) CreatePair()
    {
        var fds = stackalloc int[2];
        if (LibC.socketpair(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0, fds) != 0)
        {
            throw new IOException($"socketpair failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        return (fds[0], fds[1]);
    }

    public static Task Start(int parentFd, IOutputSink sink) => Start(parentFd, sink, out _);

    /// socket: disposing it ends the pump (what it has read is still written to the sink; what it has not stays
    /// in the pipe for whoever else holds it: the holder, then the next daemon).
    public static Task Start(int parentFd, IOutputSink sink, out Socket socket)
    {
        var pumped = socket = new Socket(new SafeSocketHandle(parentFd, ownsHandle: true));
        return Task.Run(() => PumpAsync(pumped, sink));
    }

    /// Waits with a zero-byte receive (no buffer held while a service is quiet, which is most of the time,
    /// for every service) and rents a buffer only to read what has arrived.
    ///
    /// What it reads it first peeks, writes to the sink, and only then takes from the socket, and only whole lines:
    /// a daemon killed at any moment leaves every line it had not written still in the socket, which the holder
    /// keeps open for the next daemon. A line printed in two writes (Python's print writes the text, then "\n")
    /// is not taken half: its start waits in the socket for its end. The price of a kill between the write and the
    /// take is that chunk written twice, never a line lost.
    private static async Task PumpAsync(Socket socket, IOutputSink sink)
    {
        try
        {
            var partial = 0;
            while (true)
            {
                if (partial == 0)
                {
                    await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                }
                else if (await MoreThanAsync(socket, partial) is var more && more != More.Arrived)
                {
                    if (more == More.Never)
                    {
                        // Its writers have all gone: the line ends here, unfinished (the sink closes it at the end).
                        _ = await PassAsync(socket, sink, partial, whole: false);
                    }

                    partial = 0;
                    continue; // the zero-byte receive sees the end, or that the socket was let go of
                }

                var available = socket.Available;
                if (available == 0)
                {
                    // Woken with nothing to read: the end (or a reset), a spurious wake-up, or data that came just now.
                    // A one-byte peek tells them apart (waiting, as the zero-byte receive does, if there is nothing yet).
                    if (await socket.ReceiveAsync(Probe, SocketFlags.Peek) == 0)
                    {
                        break;
                    }

                    continue;
                }

                partial = await PassAsync(socket, sink, Math.Min(available, ChunkSize), whole: true);
            }
        }
        catch (SocketException)
        {
            // A reset from the child's side ends the stream like EOF.
        }
        catch (ObjectDisposedException)
        {
            // Let go (a daemon handing over to the next): the rest is the next reader's.
        }
        finally
        {
            socket.Dispose();
            sink.Complete();
        }
    }

    private enum More
    {
        Arrived,
        Never,
        LetGo,
    }

    /// One pass over what is there: returns 0 when it took whole lines (or a chunk longer than any line is given
    /// room for, or everything when not only whole lines), or the length of a line's start it left in the socket.
    private static async ValueTask<int> PassAsync(Socket socket, IOutputSink sink, int length, bool whole)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            // Async receives, though data is there: a descriptor handed over from the holder may already be
            // non-blocking (its flags are shared with the copies before it), which a synchronous receive mistakes.
            var peeked = await socket.ReceiveAsync(buffer.AsMemory(0, length), SocketFlags.Peek);
            var take = whole ? buffer.AsSpan(0, peeked).LastIndexOf((byte)'\n') + 1 : peeked;
            if (take == 0 && peeked < ChunkSize)
            {
                return peeked;
            }

            // No newline in a whole chunk: the sink assembles that long line from chunks taken as they come.
            take = take == 0 ? peeked : take;
            sink.Write(buffer.AsSpan(0, take));
            var taken = await socket.ReceiveAsync(buffer.AsMemory(0, take), SocketFlags.None);
            Debug.Assert(taken == take, "one reader: what was peeked is what is taken");
            return 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// A line's start is in the socket, which stays readable, so readiness cannot say when the rest comes: checks
    /// for more at 1, 2, 4… ms, then every 200 ms while the line stays open (a prompt that waits for input), and
    /// whether every writer has closed its end (POLLRDHUP, which the data still queued does not hide).
    private static async Task<More> MoreThanAsync(Socket socket, int partial)
    {
        var wait = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            await Task.Delay(wait, TimeProvider.System);
            try
            {
                if (socket.Available != partial)
                {
                    return More.Arrived;
                }

                if (HungUp(socket))
                {
                    return More.Never;
                }
            }
            catch (ObjectDisposedException)
            {
                return More.LetGo;
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxPartialWait.Ticks));
        }
    }

    private static unsafe bool HungUp(Socket socket)
    {
        var poll = new LibC.PollFd { Fd = (int)socket.Handle, Events = LibC.POLLRDHUP };
        return LibC.poll(&poll, 1, 0) > 0 && (poll.Revents & (LibC.POLLRDHUP | LibC.POLLHUP | LibC.POLLERR)) != 0;
    }
}
