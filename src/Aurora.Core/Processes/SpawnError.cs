using System.Runtime.InteropServices;

namespace Aurora.Core.Processes;

/// Turns the errno posix_spawnp returned into a ProcessSpawnException that names the real cause.
internal static class SpawnError
{
    public static ProcessSpawnException Create(ProcessSpec spec, int errno)
    {
        var command = spec.Argv[0];

        // glibc reports a failed chdir file action with chdir's errno, indistinguishable from a
        // missing command, so check the directory ourselves.
        var cwd = spec.WorkingDirectory;
        if (cwd.Length > 0 && (!Directory.Exists(cwd) || LibC.access(cwd, LibC.X_OK) != 0))
        {
            return new ProcessSpawnException(command, errno, $"working directory '{cwd}': {Describe(errno)}");
        }

        if (errno == LibC.ENOENT && !command.Contains('/'))
        {
            return new ProcessSpawnException(command, errno, "command not found");
        }

        return new ProcessSpawnException(command, errno, Describe(errno));
    }

    private static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}
