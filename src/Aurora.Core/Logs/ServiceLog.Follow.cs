using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace Aurora.Core.Logs;

public sealed partial class ServiceLog
{
    /// The last n lines on disk, across rotation (NAME.log, then NAME.log.1, …), oldest first.
    public IReadOnlyList<string> Tail(int n)
    {
        if (n <= 0)
        {
            return [];
        }

        List<(SafeFileHandle File, long Length)> files;
        lock (_gate)
        {
            files = OpenFilesNewestFirst();
        }

        return ReadTail(files, n);
    }

    /// The last `tail` lines, then every line written after them: the file snapshot and the follower
    /// registration happen under the write lock, so there is no gap and no duplicate at the seam.
    public LogSubscription Follow(int tail)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(FollowerQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        List<(SafeFileHandle File, long Length)> files = [];
        lock (_gate)
        {
            if (tail > 0)
            {
                // The handles pin what each file held at the seam: later appends lie past the
                // recorded length, and later renames or deletes do not move an open handle.
                files = OpenFilesNewestFirst();
            }

            if (_disposed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _followers.Add(channel);
            }
        }

        try
        {
            return new LogSubscription(ReadTail(files, tail), channel.Reader, () => Unfollow(channel));
        }
        catch
        {
            Unfollow(channel);
            throw;
        }
    }

    private void Unfollow(Channel<string> channel)
    {
        lock (_gate)
        {
            _followers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    private List<(SafeFileHandle File, long Length)> OpenFilesNewestFirst()
    {
        var files = new List<(SafeFileHandle, long)>();
        try
        {
            for (var k = 0; ; k++)
            {
                var path = k == 0 ? FilePath : RotatedPath(k);
                SafeFileHandle handle;
                try
                {
                    handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    if (k == 0)
                    {
                        continue;
                    }

                    break;
                }

                files.Add((handle, RandomAccess.GetLength(handle)));
            }
        }
        catch
        {
            Close(files);
            throw;
        }

        return files;
    }

    private static List<string> ReadTail(List<(SafeFileHandle File, long Length)> files, int n)
    {
        try
        {
            var newestFirst = new List<string>(Math.Min(n, 1024));
            foreach (var (file, length) in files)
            {
                if (newestFirst.Count == n)
                {
                    break;
                }

                LogFileReader.ReadLastLines(file, length, n - newestFirst.Count, newestFirst);
            }

            newestFirst.Reverse();
            return newestFirst;
        }
        finally
        {
            Close(files);
        }
    }

    private static void Close(List<(SafeFileHandle File, long Length)> files)
    {
        foreach (var (file, _) in files)
        {
            file.Dispose();
        }
    }
}
