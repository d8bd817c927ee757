namespace Aurora.Layout;

/// One daemon per project directory. `.aurora/daemon.lock` is held open with an exclusive lock (flock,
/// which .NET takes for FileShare.None) for the daemon's whole life; a second daemon fails to take it and
/// leaves the first untouched. The kernel drops the lock when the process dies, so a crash never leaves it
/// stuck. The pid lives in a separate file, because a shared lock for reading would conflict with it.
public sealed class DaemonLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;

    private DaemonLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    public static DaemonLock Acquire(DaemonPaths paths)
    {
        Directory.CreateDirectory(paths.StateDirectory);
        FileStream stream;
        try
        {
            stream = new FileStream(paths.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new DaemonAlreadyRunningException(paths.ProjectDirectory, ReadPid(paths));
        }

        File.WriteAllText(paths.PidFile, Environment.ProcessId + "\n");
        return new DaemonLock(stream, paths.PidFile);
    }

    /// The pid of the daemon holding the lock, or null when no daemon runs.
    public static int? RunningPid(DaemonPaths paths)
    {
        if (!File.Exists(paths.LockFile))
        {
            return null;
        }

        try
        {
            using var probe = new FileStream(paths.LockFile, FileMode.Open, FileAccess.Read, FileShare.None);
            return null;
        }
        catch (IOException)
        {
            return ReadPid(paths);
        }
    }

    private static int? ReadPid(DaemonPaths paths)
    {
        try
        {
            return int.TryParse(File.ReadAllText(paths.PidFile).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
        }

        _stream.Dispose();
    }
}
