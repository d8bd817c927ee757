using System.Collections;
using System.Collections.Immutable;
using Aurora.Core.Processes;
using Aurora.Layout;

namespace Aurora.Cli.Client;

/// Starts `aurora daemon` in a session of its own (no terminal), output to .aurora/daemon.log.
internal static class DaemonSpawner
{
    /// configFiles: every `-f`, in order; the daemon reads them all again at each reload. profiles: the active
    /// profiles, passed on so the daemon remembers them for every reload.
    /// How to run this binary again: its path, or `dotnet aurora.dll` for a build run through the dotnet host.
    public static ImmutableArray<string> Self()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the aurora executable");
        return Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, Path.Combine(AppContext.BaseDirectory, "aurora.dll")] : [self];
    }

    public static IRunningProcess Spawn(IReadOnlyList<string> configFiles, DaemonPaths paths, IReadOnlyList<string>? profiles = null)
    {
        ImmutableArray<string> argv =
        [
            .. Self(),
            "daemon", .. configFiles.SelectMany(f => new[] { "-f", f }), "--log", paths.DaemonLog,
        ];
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

        argv = argv.AddRange((profiles ?? []).SelectMany(p => new[] { "--profile", p }));
        return new PosixProcessLauncher(TimeProvider.System).Start(new ProcessSpec(argv, paths.ProjectDirectory, env.ToImmutable()));
    }
}
