using Aurora.Tests;

namespace Aurora.BrowserTests.Support;

/// The real `aurora` binary (src/Aurora.Cli/bin/CONFIG/TFM/aurora), run in a project directory.
internal static class AuroraCli
{
    public static string Path => AuroraBinary.Path;

    /// Runs `aurora ARGS` in dir; stdout and stderr go to a log file whose text is returned.
    public static async Task<(int ExitCode, string Output)> RunAsync(string dir, CancellationToken ct, params string[] args)
    {
        var log = System.IO.Path.Combine(dir, $"cli-{Guid.NewGuid():N}.log");
        string[] argv = ["/bin/sh", "-c", "cd \"$1\" || exit 99; log=$2; shift 2; exec \"$@\" >\"$log\" 2>&1", "sh", dir, log, Path, .. args];
        var code = await Native.RunAsync(argv, ct);
        var output = File.Exists(log) ? await File.ReadAllTextAsync(log, ct) : "";
        File.Delete(log);
        return (code, output);
    }
}
