using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// One posix_spawnp call: own session and process group, default signal dispositions, empty mask,
/// stdin from /dev/null, stdout and stderr onto one fd (or /dev/null), optional cwd.
internal static unsafe class PosixSpawn
{
    // glibc's posix_spawnattr_t is 336 bytes, posix_spawn_file_actions_t 80, sigset_t 128:
    // generous buffers keep us independent of the exact layout.
    private const int BufferSize = 1024;

    /// Returns 0 with the child's pid, or the errno posix_spawnp (or a helper) reported.
    public static int Spawn(ProcessSpec spec, IReadOnlyList<string> envp, int outputFd, out int pid)
    {
        pid = 0;
        var attr = NativeMemory.AllocZeroed(BufferSize);
        var actions = NativeMemory.AllocZeroed(BufferSize);
        var allSignals = NativeMemory.AllocZeroed(BufferSize);
        var noSignals = NativeMemory.AllocZeroed(BufferSize);
        var attrReady = false;
        var actionsReady = false;
        try
        {
            var rc = LibC.posix_spawnattr_init(attr);
            attrReady = rc == 0;
            rc = rc != 0 ? rc : LibC.posix_spawn_file_actions_init(actions);
            actionsReady = attrReady && rc == 0;
            rc = rc != 0 ? rc : ConfigureAttributes(attr, allSignals, noSignals);
            rc = rc != 0 ? rc : ConfigureFiles(actions, spec.WorkingDirectory, outputFd);
            if (rc != 0)
            {
                return rc;
            }

            using var argv = new NativeStringArray(spec.Argv);
            using var env = new NativeStringArray(envp);

            // posix_spawnp searches the daemon's PATH, not the child's envp (glibc behaviour).
            return LibC.posix_spawnp(out pid, spec.Argv[0], actions, attr, argv.Pointer, env.Pointer);
        }
        finally
        {
            if (actionsReady)
            {
                LibC.posix_spawn_file_actions_destroy(actions);
            }

            if (attrReady)
            {
                LibC.posix_spawnattr_destroy(attr);
            }

            NativeMemory.Free(attr);
            NativeMemory.Free(actions);
            NativeMemory.Free(allSignals);
            NativeMemory.Free(noSignals);
        }
    }

    private static int ConfigureAttributes(void* attr, void* allSignals, void* noSignals)
    {
        // The .NET runtime ignores SIGPIPE and blocks/handles others; children must start clean.
        LibC.sigfillset(allSignals);

        // glibc's sigfillset leaves out its internal signals 32 and 33 (SIGCANCEL, SIGSETXID), and
        // its spawn helper sets those to SIG_IGN in the child, which survives exec. Ask for the
        // default on them too: non-glibc children (Go, musl) should not start with them ignored.
        ((ulong*)allSignals)[0] |= (1UL << 31) | (1UL << 32);
        LibC.sigemptyset(noSignals);
        const short flags = LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGDEF | LibC.POSIX_SPAWN_SETSIGMASK;
        var rc = LibC.posix_spawnattr_setflags(attr, flags);
        rc = rc != 0 ? rc : LibC.posix_spawnattr_setsigdefault(attr, allSignals);
        return rc != 0 ? rc : LibC.posix_spawnattr_setsigmask(attr, noSignals);
    }

    private static int ConfigureFiles(void* actions, string workingDirectory, int outputFd)
    {
        var rc = LibC.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", LibC.O_RDONLY, 0);
        if (outputFd >= 0)
        {
            rc = rc != 0 ? rc : LibC.posix_spawn_file_actions_adddup2(actions, outputFd, 1);
        }
        else
        {
            rc = rc != 0 ? rc : LibC.posix_spawn_file_actions_addopen(actions, 1, "/dev/null", LibC.O_WRONLY, 0);
        }

        rc = rc != 0 ? rc : LibC.posix_spawn_file_actions_adddup2(actions, 1, 2);
        if (rc == 0 && workingDirectory.Length > 0)
        {
            rc = LibC.posix_spawn_file_actions_addchdir_np(actions, workingDirectory);
        }

        return rc;
    }
}
