using System.Diagnostics;

namespace Aurora.Porting.Tests.Export;

/// Runs a checking tool (systemd-analyze, node) to its end, with a deadline; stdout and stderr together.
internal static class ToolRun
{
    public static Task<(int ExitCode, string Output)> RunAsync(string directory, string program, params string[] args) =>
        RunAsync(directory, program, args, []);

    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, string program, IEnumerable<string> args,
        IEnumerable<(string Name, string Value)> env)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().DefaultTimeout(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.DefaultTimeout() + await stderr.DefaultTimeout());
    }
}
