using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// Copies a child's merged stdout/stderr from our end of a socketpair into its sink. Reads are
/// epoll-driven (Socket.ReceiveAsync), so 200 services cost no blocked threads.
internal static class OutputPump
{
    private const int ChunkSize = 16 * 1024;

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
    private static async Task PumpAsync(Socket socket, IOutputSink sink)
    {
        try
        {
            while (true)
            {
                await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                try
                {
                    // Non-blocking: data (or EOF) is there, or the wake-up was spurious (WouldBlock).
                    var read = socket.Available > 0 || !socket.Poll(0, SelectMode.SelectRead)
                        ? await socket.ReceiveAsync(buffer.AsMemory(0, ChunkSize), SocketFlags.None)
                        : socket.Receive(buffer, 0, ChunkSize, SocketFlags.None);
                    if (read == 0)
                    {
                        break;
                    }

                    sink.Write(buffer.AsSpan(0, read));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
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
}
