namespace Aurora.IntegrationTests.Boot;

/// systemd's own tools, which judge what Aurora writes and sends (Debian package `systemd`; ./test.sh installs
/// it). systemd is not PID 1 in these containers: `systemd-analyze verify` is the test of a unit.
internal static class SystemdTools
{
    public static string Require(string tool)
    {
        var path = Path.Combine("/usr/bin", tool);
        Assert.True(File.Exists(path), $"{path} is missing: install the Debian package systemd (./test.sh does)");
        return path;
    }

    /// Runs `systemd-analyze verify` on a unit file; a user unit needs a runtime directory of its own.
    public static async Task<(int ExitCode, string Output)> VerifyAsync(string unitPath, bool userUnit)
    {
        var analyze = Require("systemd-analyze");
        if (!userUnit)
        {
            return await ProcessRun.RunAsync(Path.GetDirectoryName(unitPath)!, [analyze, "verify", unitPath]);
        }

        var runtime = Directory.CreateTempSubdirectory("aur-xdg-");
        try
        {
            File.SetUnixFileMode(runtime.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return await ProcessRun.RunAsync(Path.GetDirectoryName(unitPath)!, [analyze, "--user", "verify", unitPath],
                ("XDG_RUNTIME_DIR", runtime.FullName));
        }
        finally
        {
            runtime.Delete(recursive: true);
        }
    }

    /// Verify exits 0 on settings it ignores (a typo, a bad value): clean means no word from it at all.
    public static async Task AssertVerifiesAsync(string unitPath, bool userUnit)
    {
        var (exit, output) = await VerifyAsync(unitPath, userUnit);
        Assert.True(exit == 0 && output.Trim().Length == 0, $"systemd-analyze{(userUnit ? " --user" : "")} verify {unitPath}: exit {exit}\n{output}\n{File.ReadAllText(unitPath)}");
    }
}
