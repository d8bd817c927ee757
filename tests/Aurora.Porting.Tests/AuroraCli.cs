using System.Diagnostics;

namespace Aurora.Porting.Tests;

/// The built `aurora` binary, run in a directory: its exit code, stdout and stderr.
internal static class AuroraCli
{
    public static async Task<(int Code, string Out, string Err)> Run(string dir, params string[] args)
    {
        var info = new ProcessStartInfo(AuroraBinary.Path) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = new Process { StartInfo = info };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().DefaultTimeout(TimeSpan.FromSeconds(50));
        return (process.ExitCode, await stdout, await stderr);
    }
}
