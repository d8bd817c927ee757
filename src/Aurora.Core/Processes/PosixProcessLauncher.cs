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
                    var errno = SpawnWithUmask(spec, envp, childFd, out var spawned);
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

    /// posix_spawn has no umask attribute: the child inherits the daemon's at the clone. So the daemon's
    /// umask is switched to the service's for the spawn and put back at once. Spawns run one at a time
    /// (under the reaper's lock), so no other child can inherit the wrong one. A file the daemon itself
    /// creates on another thread in that instant could; that is why the daemon keeps its files private
    /// with a 0700 `.aurora/` and explicit modes rather than with its own umask.
    private static int SpawnWithUmask(ProcessSpec spec, IReadOnlyList<string> envp, int outputFd, out int pid)
    {
        if (spec.Umask is not { } mask)
        {
            return PosixSpawn.Spawn(spec, envp, outputFd, out pid);
        }

        var daemons = LibC.umask((uint)mask);
        try
        {
            return PosixSpawn.Spawn(spec, envp, outputFd, out pid);
        }
        finally
        {
            LibC.umask(daemons);
        }
    }

    private static void CloseIfOpen(int fd)
    {
        if (fd >= 0)
        {
            LibC.close(fd);
        }
    }
}
