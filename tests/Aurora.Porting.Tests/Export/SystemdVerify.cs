namespace Aurora.Porting.Tests.Export;

/// `systemd-analyze verify` on exported units (Debian's systemd package; ./test.sh installs it). It exits 0 on
/// settings it ignores, so clean means not a word of output.
internal static class SystemdVerify
{
    public const string Analyze = "/usr/bin/systemd-analyze";

    public static async Task AssertCleanAsync(IReadOnlyList<string> units)
    {
        Assert.True(File.Exists(Analyze), $"{Analyze} is missing: install the Debian package systemd (./test.sh does)");
        var directory = Path.GetDirectoryName(units[0])!;
        var (exit, output) = await ToolRun.RunAsync(directory, Analyze, ["verify", .. units], [("SYSTEMD_LOG_COLOR", "0")]);
        var texts = string.Join("\n", units.Select(u => $"==> {Path.GetFileName(u)}\n{File.ReadAllText(u)}"));
        Assert.True(exit == 0 && output.Trim().Length == 0, $"systemd-analyze verify: exit {exit}\n{output}\n{texts}");
    }
}
