using System.Collections;
using System.Collections.Immutable;
using Aurora.Core.Processes;
using Aurora.Daemon.Entry;
using Aurora.Layout;

namespace Aurora.Cli.Client;

/// Starts the daemon (`aurora-daemon` beside this binary, else `aurora daemon`: DaemonCommandLine) in a session of its
/// own (no terminal), output to .aurora/daemon.log.
internal static class DaemonSpawner
{
    /// configFiles: every `-f`, in order; the daemon reads them all again at each reload. profiles: the active
    /// profiles, passed on so the daemon remembers them for every reload.
    public static IRunningProcess Spawn(IReadOnlyList<string> configFiles, DaemonPaths paths, IReadOnlyList<string>? profiles = null)
    {
        var argv = DaemonCommandLine.For(Executables.Self(), AppContext.BaseDirectory,
            new DaemonArguments([.. configFiles], paths.DaemonLog, [.. profiles ?? []]));
        var env = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = e.Value as string ?? "";
        }

        // A 512 KiB gen0 budget (hex) instead of one sized to the CPU cache: ~10 MB less resident for an
        // idle daemon. The native binary has it embedded; a JIT-built daemon reads it only from the
        // environment, at start. The daemon strips what it was given this way (DaemonEnvironment.Injected)
        // before passing its environment to services.
        if (!env.ContainsKey(DaemonEnvironment.Gen0Size))
        {
            env[DaemonEnvironment.Gen0Size] = DaemonEnvironment.Gen0Budget;
            env[DaemonEnvironment.Injected] = DaemonEnvironment.Gen0Size;
        }

        return new PosixProcessLauncher(TimeProvider.System).Start(new ProcessSpec(argv, paths.ProjectDirectory, env.ToImmutable()));
    }
}
