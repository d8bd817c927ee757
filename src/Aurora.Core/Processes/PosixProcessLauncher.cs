namespace Aurora.Core.Processes;

/// Starts children with posix_spawnp in a session and process group of their own, and hands their
/// exit to the daemon-wide ChildReaper.
public sealed class PosixProcessLauncher(TimeProvider time) : IProcessLauncher
{
    private readonly ChildReaper reaper = ChildReaper.Instance;

    public PosixProcessLauncher()
        : this(TimeProvider.System)
    {
    }

    public IRunningProcess Start(ProcessSpec spec)
    {
        if (spec.Argv.IsDefaultOrEmpty || string.IsNullOrEmpty(spec.Argv[0]))
        {
            throw new ArgumentException("Argv must name a command.", nameof(spec));
        }

        var envp = ProcessEnvironment.Build(spec);
        var (parentFd, childFd) = spec.Output is null ? (-1, -1) : OutputPump.CreatePair();
        long startTicks = 0;
        Task<ExitStatus> exited;
        int pid;
        try
        {
            exited = reaper.Track(
                () =>
                {
                    var errno = PosixSpawn.Spawn(spec, envp, childFd, out var spawned);
                    if (errno != 0)
                    {
                        throw SpawnError.Create(spec, errno);
                    }

                    // Still under the reaper's lock: the child is at worst a zombie, so stat is readable.
                    startTicks = ProcessTable.Read(spawned)?.StartTicks ?? 0;
                    return spawned;
                },
                out pid);
        }
        catch
        {
            CloseIfOpen(parentFd);
            throw;
        }
        finally
        {
            CloseIfOpen(childFd);
        }

        if (spec.Output is { } sink)
        {
            OutputPump.Start(parentFd, sink);
        }

        return new PosixRunningProcess(pid, startTicks, time.GetUtcNow(), exited, spec.Tag, reaper, time);
    }

    private static void CloseIfOpen(int fd)
    {
        if (fd >= 0)
        {
            LibC.close(fd);
        }
    }
}
