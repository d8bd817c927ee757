using System.Runtime.InteropServices;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Daemon;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Boot;

/// `aurora startup`, run for real, writing into a unit directory of the test's own (`--unit-dir`, or
/// `$XDG_CONFIG_HOME` for `--user`).
public sealed partial class StartupCommandTests : IAsyncDisposable
{
    private readonly TestProject _project = TestProject.Create("""
        services:
          db: { command: ["sleep", "1000"] }
          api: { command: ["sleep", "1000"], depends_on: [db] }
        """);

    private readonly DirectoryInfo _units = Directory.CreateTempSubdirectory("aur-units-");

    private string UnitName => SystemdUnit.NameFor(_project.Dir);

    private string UnitPath => Path.Combine(_units.FullName, UnitName);

    private Task<(int ExitCode, string Output)> Startup(params string[] args) =>
        ProcessRun.Aurora(_project.Dir, ["startup", "--unit-dir", _units.FullName, .. args]);

    [Fact(Timeout = 60000)]
    public async Task Print_shows_the_unit_and_the_systemctl_lines_and_writes_nothing()
    {
        var (exit, output) = await Startup("--print");

        Assert.Equal(0, exit);
        Assert.Contains("Type=notify", output);
        Assert.Contains($"systemctl enable --now {UnitName}", output);
        Assert.Empty(_units.GetFileSystemInfos());

        // On stdout alone it is the very file a write puts in place.
        var (_, unitOnly) = await ProcessRun.RunAsync(_project.Dir, ["sh", "-c", $"'{AuroraBinary.Path}' startup --print 2>/dev/null"]);
        Assert.Equal(0, (await Startup()).ExitCode);
        Assert.Equal(File.ReadAllText(UnitPath), unitOnly);
    }

    [Fact(Timeout = 60000)]
    public async Task Writes_the_unit_that_verifies_and_a_second_run_is_a_no_op_that_says_so()
    {
        var (exit, output) = await Startup();

        Assert.Equal(0, exit);
        Assert.Contains($"wrote {UnitPath}", output);
        Assert.Contains("systemctl daemon-reload", output);
        Assert.Contains($"systemctl enable --now {UnitName}", output);
        Assert.Contains($"ExecStart={AuroraBinary.Path} daemon -f {_project.ConfigPath}", File.ReadAllText(UnitPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(UnitPath));
        await SystemdTools.AssertVerifiesAsync(UnitPath, userUnit: false);

        var written = File.GetLastWriteTimeUtc(UnitPath);
        var again = await Startup();
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already installed and unchanged", again.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(UnitPath));
    }

    [Fact(Timeout = 60000)]
    public async Task Refuses_to_overwrite_a_different_unit_unless_forced()
    {
        Assert.Equal(0, (await Startup()).ExitCode);
        var edited = File.ReadAllText(UnitPath).Replace("RestartSec=2s", "RestartSec=9s");
        File.WriteAllText(UnitPath, edited);

        var refused = await Startup();
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Output);
        Assert.Equal(edited, File.ReadAllText(UnitPath));

        var forced = await Startup("--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains($"replaced {UnitPath}", forced.Output);
        Assert.Contains("RestartSec=2s", File.ReadAllText(UnitPath));
    }

    [Fact(Timeout = 60000)]
    public async Task Uninstall_prints_the_disable_line_first_then_removes_the_unit()
    {
        Assert.Equal(0, (await Startup()).ExitCode);

        var shown = await Startup("--uninstall", "--print");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains($"rm {UnitPath}", shown.Output);
        Assert.True(File.Exists(UnitPath));

        var (exit, output) = await Startup("--uninstall");
        Assert.Equal(0, exit);
        Assert.Equal($"systemctl disable --now {UnitName}", output.Split('\n')[0].Trim());
        Assert.Contains($"removed {UnitPath}", output);
        Assert.Contains("systemctl daemon-reload", output);
        Assert.False(File.Exists(UnitPath));

        var nothing = await Startup("--uninstall");
        Assert.Equal(0, nothing.ExitCode);
        Assert.Contains("nothing to remove", nothing.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Uninstall_leaves_a_unit_aurora_did_not_write_unless_forced()
    {
        File.WriteAllText(UnitPath, "[Service]\nExecStart=/bin/true\n");

        var refused = await Startup("--uninstall");
        Assert.Equal(1, refused.ExitCode);
        Assert.True(File.Exists(UnitPath));

        Assert.Equal(0, (await Startup("--uninstall", "--force")).ExitCode);
        Assert.False(File.Exists(UnitPath));
    }

    [Fact(Timeout = 60000)]
    public async Task A_user_unit_goes_to_the_users_systemd_directory_and_verifies()
    {
        var config = Path.Combine(_units.FullName, "config");
        var (exit, output) = await ProcessRun.RunAsync(_project.Dir, [AuroraBinary.Path, "startup", "--user"], ("XDG_CONFIG_HOME", config));
        var path = Path.Combine(config, "systemd", "user", UnitName);

        Assert.Equal(0, exit);
        Assert.Contains($"systemctl --user enable --now {UnitName}", output);
        Assert.Contains("loginctl enable-linger", output);
        Assert.Contains("WantedBy=default.target", File.ReadAllText(path));
        await SystemdTools.AssertVerifiesAsync(path, userUnit: true);

        var removed = await ProcessRun.RunAsync(_project.Dir, [AuroraBinary.Path, "startup", "--user", "--uninstall"], ("XDG_CONFIG_HOME", config));
        Assert.Equal(0, removed.ExitCode);
        Assert.StartsWith($"systemctl --user disable --now {UnitName}", removed.Output.Trim());
        Assert.False(File.Exists(path));
    }

    [Fact(Timeout = 60000)]
    public async Task A_system_unit_runs_the_project_as_the_user_who_owns_it()
    {
        Assert.SkipWhen(Environment.UserName != "root", "needs root to give the project to another user");
        Assert.Equal(0, Chown(_project.Dir, 65534, 65534)); // nobody

        var (exit, output) = await Startup("--print");

        Assert.Equal(0, exit);
        Assert.Contains($"User={FileOwner.UserName(65534)}", output.Split('\n'));
    }

    [Fact(Timeout = 60000)]
    public async Task A_bad_config_gets_no_unit()
    {
        _project.Write("services:\n  api: { command: [\"sleep\", \"1\"], depends_on: [nowhere] }\n");

        var (exit, output) = await Startup();

        Assert.Equal(2, exit);
        Assert.Contains("nowhere", output);
        Assert.Empty(_units.GetFileSystemInfos());
    }

    [Fact(Timeout = 60000)]
    public async Task A_unit_directory_it_may_not_write_is_a_failure_that_says_how_to_do_it()
    {
        // sysfs refuses a new directory even to root (EPERM), as /etc/systemd/system refuses a user.
        var (exit, output) = await ProcessRun.Aurora(_project.Dir, "startup", "--unit-dir", "/sys/aurora-test-units");

        Assert.Equal(1, exit);
        Assert.Contains("permission denied", output);
        Assert.Contains("sudo env PATH=\"$PATH\"", output);
    }

    public async ValueTask DisposeAsync()
    {
        _units.Delete(recursive: true);
        await _project.DisposeAsync();
    }

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int uid, int gid);
}
