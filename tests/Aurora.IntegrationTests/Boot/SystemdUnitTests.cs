using System.Collections.Immutable;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Daemon;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Boot;

public sealed class SystemdUnitTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aur-unit-");

    private SystemdUnitSpec Spec(string project, bool userUnit = false, string? runAs = null) =>
        new(project, [Path.Combine(project, "aurora.yaml")], [AuroraBinary.Path], userUnit, runAs, "/usr/local/bin:/usr/bin:/bin", TimeSpan.FromSeconds(90));

    private string Write(SystemdUnitSpec spec)
    {
        var path = Path.Combine(_dir.FullName, SystemdUnit.NameFor(spec.ProjectDirectory));
        File.WriteAllText(path, SystemdUnit.Render(spec));
        return path;
    }

    [Theory]
    [InlineData("/srv/shop", "aurora-shop-")]
    [InlineData("/srv/my shop%1", "aurora-my-shop-1-")]
    [InlineData("/srv/café.app", "aurora-caf-.app-")]
    [InlineData("/srv/.hidden", "aurora-hidden-")]
    [InlineData("/", "aurora-project-")]
    public void The_unit_name_comes_from_the_directory_name_made_safe_for_systemd(string project, string prefix)
    {
        var name = SystemdUnit.NameFor(project);

        Assert.StartsWith(prefix, name);
        Assert.Matches("^aurora-[A-Za-z0-9_.-]+-[0-9a-f]{8}\\.service$", name);
    }

    [Fact]
    public void The_name_is_stable_for_a_path_and_differs_between_checkouts_named_alike()
    {
        Assert.Equal(SystemdUnit.NameFor("/srv/a/shop"), SystemdUnit.NameFor("/srv/a/shop/"));
        Assert.Equal(SystemdUnit.NameFor("/srv/a/shop"), SystemdUnit.NameFor("/srv/a/../a/shop"));
        Assert.NotEqual(SystemdUnit.NameFor("/srv/a/shop"), SystemdUnit.NameFor("/srv/b/shop"));

        // The same hash as the project's AURORA_TAG, so the two can be matched by eye.
        Assert.EndsWith($"-{new DaemonPaths("/srv/a/shop").ProjectId[..8]}.service", SystemdUnit.NameFor("/srv/a/shop"));
    }

    [Fact]
    public async Task A_system_unit_says_what_the_issue_asks_and_passes_systemd_analyze_verify()
    {
        var path = Write(Spec("/srv/shop", runAs: "alice"));
        var text = File.ReadAllText(path);

        Assert.StartsWith(SystemdUnit.Marker, text);
        string[] expected =
        [
            "Type=notify", "NotifyAccess=all", $"ExecStart={AuroraBinary.Path} daemon -f /srv/shop/aurora.yaml",
            $"ExecReload={AuroraBinary.Path} reload -f /srv/shop/aurora.yaml", "WorkingDirectory=/srv/shop", "User=alice",
            "Environment=\"PATH=/usr/local/bin:/usr/bin:/bin\"", "KillMode=process", "Delegate=yes", "WatchdogSec=30s",
            "TimeoutStopSec=90s", "Restart=on-failure", "WantedBy=multi-user.target",
        ];
        var lines = text.Split('\n');
        Assert.All(expected, line => Assert.Contains(line, lines));
        await SystemdTools.AssertVerifiesAsync(path, userUnit: false);
    }

    [Fact]
    public async Task A_unit_for_several_config_files_passes_every_one_to_the_daemon_and_to_reload_in_order()
    {
        var path = Write(Spec("/srv/shop") with { ConfigFiles = ["/srv/shop/aurora.yaml", "/srv/shop/prod.yaml"] });
        var lines = File.ReadAllText(path).Split('\n');

        Assert.Contains($"ExecStart={AuroraBinary.Path} daemon -f /srv/shop/aurora.yaml -f /srv/shop/prod.yaml", lines);
        Assert.Contains($"ExecReload={AuroraBinary.Path} reload -f /srv/shop/aurora.yaml -f /srv/shop/prod.yaml", lines);
        await SystemdTools.AssertVerifiesAsync(path, userUnit: false);
    }

    [Fact]
    public async Task A_user_unit_has_no_user_and_no_system_targets_and_passes_verify_with_its_own_runtime_dir()
    {
        var path = Write(Spec("/srv/shop", userUnit: true));
        var lines = File.ReadAllText(path).Split('\n');

        Assert.Contains("WantedBy=default.target", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("User=", StringComparison.Ordinal) || l.Contains("network-online", StringComparison.Ordinal));
        await SystemdTools.AssertVerifiesAsync(path, userUnit: true);
    }

    [Fact]
    public async Task Paths_with_spaces_and_specifier_and_variable_characters_survive_into_exec_start()
    {
        // verify checks that ExecStart's program is an executable file: a quoting mistake fails it.
        var odd = Directory.CreateDirectory(Path.Combine(_dir.FullName, "bin dir %h $HOME"));
        var binary = Path.Combine(odd.FullName, "aurora");
        File.CreateSymbolicLink(binary, AuroraBinary.Path);
        var project = Directory.CreateDirectory(Path.Combine(_dir.FullName, "shop \"q\" \\x $HOME %h"));
        var path = Write(Spec(project.FullName) with { Executable = [binary] });
        var text = File.ReadAllText(path);

        // The program takes specifiers but no variables; its arguments take both, and C escapes in quotes.
        Assert.Contains($"ExecStart=\"{_dir.FullName}/bin dir %%h $HOME/aurora\" daemon -f \"{_dir.FullName}/shop \\\"q\\\" \\\\x $$HOME %%h/aurora.yaml\"", text);
        await SystemdTools.AssertVerifiesAsync(path, userUnit: false);
    }

    [Fact]
    public void A_program_path_systemd_would_refuse_is_refused_here_with_the_reason()
    {
        var spec = Spec("/srv/shop") with { Executable = ["/opt/it's/aurora"] };

        Assert.Contains("quote or a backslash", Assert.Throws<ArgumentException>(() => SystemdUnit.Render(spec)).Message);
    }

    [Fact]
    public async Task A_misspelt_setting_would_fail_the_verify_check()
    {
        // The check is only worth something if verify speaks up: this is the unit with one typo.
        var path = Write(Spec("/srv/shop"));
        File.WriteAllText(path, File.ReadAllText(path).Replace("KillMode=process", "KillMode=proces"));

        var (exit, output) = await SystemdTools.VerifyAsync(path, userUnit: false);

        Assert.Equal(0, exit);
        Assert.Contains("kill mode specification, ignoring: proces", output);
    }

    [Fact]
    public void A_control_character_in_a_path_is_refused_rather_than_written()
    {
        var spec = Spec("/srv/two\nlines");

        Assert.Throws<ArgumentException>(() => SystemdUnit.Render(spec));
    }

    [Fact]
    public async Task The_stop_timeout_covers_the_longest_chain_of_stop_timeouts()
    {
        await using var chain = TestProject.Create("""
            services:
              db: { command: ["sleep", "1"], stop: { timeout: 50s } }
              api: { command: ["sleep", "1"], depends_on: [db], stop: { timeout: 40s } }
              web: { command: ["sleep", "1"], depends_on: [api], stop: { timeout: 30s } }
              side: { command: ["sleep", "1"], stop: { timeout: 100s } }
            """);
        await using var small = TestProject.Create("""
            services:
              one: { command: ["sleep", "1"] }
            """);

        Assert.Equal(TimeSpan.FromSeconds(140), SystemdUnit.StopTimeoutFor(chain.LoadConfig()));
        Assert.Equal(TimeSpan.FromSeconds(90), SystemdUnit.StopTimeoutFor(small.LoadConfig()));
    }

    [Fact]
    public void The_user_directory_follows_xdg_config_home()
    {
        Assert.Equal("/x/cfg/systemd/user", SystemdUnit.UserDirectory(n => n == "XDG_CONFIG_HOME" ? "/x/cfg" : n == "HOME" ? "/home/a" : null));
        Assert.Equal("/home/a/.config/systemd/user", SystemdUnit.UserDirectory(n => n == "HOME" ? "/home/a" : null));
        Assert.Equal("/home/a/.config/systemd/user", SystemdUnit.UserDirectory(n => n == "XDG_CONFIG_HOME" ? "relative" : n == "HOME" ? "/home/a" : null));
    }

    [Fact]
    public void The_owner_of_a_directory_is_read_with_its_name()
    {
        Assert.Equal(0u, FileOwner.Uid("/"));
        Assert.Equal("root", FileOwner.UserName(0));
        Assert.Null(FileOwner.Uid(Path.Combine(_dir.FullName, "missing")));
        Assert.Equal("4000123", FileOwner.UserName(4000123));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
