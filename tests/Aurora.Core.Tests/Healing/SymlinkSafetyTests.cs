using Aurora.Core.Config;
using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Healing;

/// Issue 19, finding 1: a fix that declares `touches: [vendor]` and creates `vendor/shared -> /outside`
/// (an npm workspace link) made the rollback delete the files outside. Every case uses real symlinks
/// to a real directory outside the project and proves nothing there changed.
public sealed class SymlinkSafetyTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("aurora-links-").FullName;
    private readonly OutsideDirectory _outside = new();

    private string Backups => Path.Combine(_project, ".aurora", "backups");

    public void Dispose()
    {
        Directory.Delete(_project, recursive: true);
        _outside.Dispose();
    }

    private string In(string relative) => Path.Combine(_project, relative);

    private FixContext Context(ServiceConfig? service = null) =>
        new(service ?? TestConfigs.Service("api"), new Aurora.Core.Diagnosis.Diagnosis("unknown", 0.1, [], ""), _project, "p");

    [Fact]
    public void Rollback_removes_a_link_the_fix_made_into_a_declared_directory_and_nothing_behind_it()
    {
        Directory.CreateDirectory(In("vendor"));
        File.WriteAllText(In("vendor/lib.js"), "lib");
        var tx = FixTransaction.Begin(Backups, "fix-1", new TouchingFix("vendor"), Context(), TimeProvider.System);

        File.CreateSymbolicLink(In("vendor/shared"), _outside.Root);
        tx.Rollback();

        Assert.False(Path.Exists(In("vendor/shared")));
        Assert.Equal("lib", File.ReadAllText(In("vendor/lib.js")));
        _outside.AssertUntouched();
    }

    [Fact]
    public void A_link_that_was_there_before_is_snapshotted_and_restored_as_a_link_not_as_the_tree_behind_it()
    {
        Directory.CreateDirectory(In("vendor"));
        File.CreateSymbolicLink(In("vendor/shared"), _outside.Root);
        var tx = FixTransaction.Begin(Backups, "fix-2", new TouchingFix("vendor"), Context(), TimeProvider.System);
        Assert.Empty(Directory.EnumerateFiles(Backups, "a.txt", SearchOption.AllDirectories));

        // The fix retargets the link; rollback puts the link back as it was and reaches into neither target.
        var elsewhere = Directory.CreateTempSubdirectory("aurora-elsewhere-").FullName;
        try
        {
            File.Delete(In("vendor/shared"));
            File.CreateSymbolicLink(In("vendor/shared"), elsewhere);
            File.WriteAllText(Path.Combine(elsewhere, "x"), "x");
            tx.Rollback();
            Assert.Equal(_outside.Root, new FileInfo(In("vendor/shared")).LinkTarget);
            Assert.Equal("x", File.ReadAllText(Path.Combine(elsewhere, "x")));
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }

        _outside.AssertUntouched();
    }

    [Fact]
    public void A_declared_file_replaced_by_a_link_is_restored_in_place_without_writing_or_chmodding_through_the_link()
    {
        File.WriteAllText(In("config.json"), "{}");
        File.SetUnixFileMode(In("config.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var tx = FixTransaction.Begin(Backups, "fix-3", new TouchingFix("config.json"), Context(), TimeProvider.System);

        File.Delete(In("config.json"));
        File.CreateSymbolicLink(In("config.json"), _outside.Entry("a.txt"));
        tx.Rollback();

        Assert.Null(new FileInfo(In("config.json")).LinkTarget);
        Assert.Equal("{}", File.ReadAllText(In("config.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, File.GetUnixFileMode(In("config.json")));
        _outside.AssertUntouched();
    }

    [Fact]
    public void A_declared_directory_replaced_by_a_link_is_recreated_and_the_target_keeps_its_files()
    {
        Directory.CreateDirectory(In("data"));
        File.WriteAllText(In("data/keep.txt"), "keep");
        var tx = FixTransaction.Begin(Backups, "fix-4", new TouchingFix("data"), Context(), TimeProvider.System);

        Directory.Delete(In("data"), recursive: true);
        File.CreateSymbolicLink(In("data"), _outside.Root);
        tx.Rollback();

        Assert.Null(new DirectoryInfo(In("data")).LinkTarget);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(In("data")).Select(Path.GetFileName));
        _outside.AssertUntouched();
    }

    [Fact]
    public void A_declared_path_that_was_missing_and_became_a_link_is_unlinked_at_recovery()
    {
        FixTransaction.Begin(Backups, "fix-5", new TouchingFix("node_modules"), Context(), TimeProvider.System);
        File.CreateSymbolicLink(In("node_modules"), _outside.Root);

        // The daemon died mid-fix: the next start rolls it back.
        Assert.Single(FixTransaction.RecoverPending(_project, Backups, TimeProvider.System));

        Assert.False(Path.Exists(In("node_modules")));
        _outside.AssertUntouched();
    }

    [Theory]
    [InlineData("vendor/shared")]
    [InlineData("vendor/shared/a.txt")]
    [InlineData(".")]
    [InlineData("./")]
    [InlineData(".aurora")]
    [InlineData(".aurora/backups")]
    [InlineData("state-link")]
    public void A_declared_path_that_resolves_outside_the_project_or_covers_aurora_state_is_refused(string touches)
    {
        Directory.CreateDirectory(In("vendor"));
        Directory.CreateDirectory(In(".aurora"));
        File.CreateSymbolicLink(In("vendor/shared"), _outside.Root);
        File.CreateSymbolicLink(In("state-link"), In(".aurora"));

        var refused = Assert.Throws<UnsafePathException>(() => FixTransaction.Begin(Backups, "fix-6", new TouchingFix(touches), Context(), TimeProvider.System));

        Assert.Contains(touches.TrimEnd('/'), refused.Message);
        Assert.False(Directory.Exists(Path.Combine(Backups, "fix-6")));
        _outside.AssertUntouched();
    }

    [Fact]
    public void Exec_bit_fix_does_not_apply_to_a_script_that_links_outside_and_never_chmods_it()
    {
        File.CreateSymbolicLink(In("run.sh"), _outside.Entry("tool.sh"));
        var service = TestConfigs.Service("job") with { Command = ["./run.sh"], WorkingDirectory = _project };
        var fix = new RestoreExecBitFix();

        var (applies, reason) = fix.Check(Context(service));

        Assert.False(applies);
        Assert.Contains("is a script inside the project that lacks its execute bit", reason);
        Assert.Empty(fix.Touches(Context(service)));
        _outside.AssertUntouched();
    }

    [Fact]
    public void Exec_bit_fix_on_a_script_linked_inside_the_project_snapshots_and_chmods_the_real_file()
    {
        Directory.CreateDirectory(In("bin"));
        File.WriteAllText(In("bin/real.sh"), "#!/bin/sh\n");
        File.SetUnixFileMode(In("bin/real.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.CreateSymbolicLink(In("run.sh"), In("bin/real.sh"));
        var service = TestConfigs.Service("job") with { Command = ["./run.sh"], WorkingDirectory = _project };
        var fix = new RestoreExecBitFix();

        Assert.Equal(["bin/real.sh"], fix.Touches(Context(service)));
        Assert.True(fix.Check(Context(service)).Applies);
        fix.ApplyAsync(Context(service), CancellationToken.None).GetAwaiter().GetResult();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(In("bin/real.sh")));
        Assert.NotNull(new FileInfo(In("run.sh")).LinkTarget);
    }

    [Fact]
    public async Task Temp_cleanup_removes_an_old_link_itself_and_never_deletes_through_it()
    {
        var tmp = In("tmp");
        Directory.CreateDirectory(tmp);
        File.WriteAllText(Path.Combine(tmp, "old.txt"), "old");
        File.CreateSymbolicLink(Path.Combine(tmp, "ext"), _outside.Root);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(3));
        var fix = new CleanDiskFix(In(".aurora/logs"), new MaintenanceConfig([new TempRule(tmp, TimeSpan.FromDays(1))], null), new BackupPruner(Backups, BackupRetention.Default, time), time);

        await fix.ApplyAsync(Context(), CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(tmp, "old.txt")));
        Assert.False(Path.Exists(Path.Combine(tmp, "ext")));
        _outside.AssertUntouched();
    }

    [Fact]
    public async Task A_temp_path_that_is_a_link_out_of_the_project_is_refused_at_run_time()
    {
        // The link appeared after the config was validated.
        File.CreateSymbolicLink(In("tmp"), _outside.Root);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(3));
        var fix = new CleanDiskFix(In(".aurora/logs"), new MaintenanceConfig([new TempRule(In("tmp"), TimeSpan.FromDays(1))], null), new BackupPruner(Backups, BackupRetention.Default, time), time);

        var result = await fix.ApplyAsync(Context(), CancellationToken.None);

        Assert.Contains("outside the project", result.Detail);
        _outside.AssertUntouched();
    }

    [Fact]
    public async Task A_rotated_log_that_is_a_link_is_not_compressed_or_read()
    {
        var logs = In(".aurora/logs");
        Directory.CreateDirectory(logs);
        File.CreateSymbolicLink(Path.Combine(logs, "api.log.1"), _outside.Entry("a.txt"));
        var fix = new CleanDiskFix(logs, MaintenanceConfig.Default, new BackupPruner(Backups, BackupRetention.Default, TimeProvider.System), TimeProvider.System);

        await fix.ApplyAsync(Context(), CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(logs, "api.log.1.gz")));
        _outside.AssertUntouched();
    }
}
