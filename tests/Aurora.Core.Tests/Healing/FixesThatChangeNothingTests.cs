using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Healing;

/// A fix that changes nothing must not lift a quarantine by itself (the corpus's java-oom and retry-then-disk-full
/// ended `running`: the healer's restart, and a disk cleanup that found nothing to clean, restarted a service the
/// restart limit had stopped). A person's `aurora heal` still gets the restart.
public sealed class FixesThatChangeNothingTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("aurora-nothing-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private FixContext Context(string cause, bool quarantined, string source = FixContext.Healer) =>
        new(TestConfigs.Service("app"), new Aurora.Core.Diagnosis.Diagnosis(cause, 0.9, [], ""), _project, "p", null, "inc-1", source, quarantined);

    [Fact]
    public void The_healers_restart_does_not_apply_to_a_quarantined_service()
    {
        var (applies, reason) = new RestartFix(Causes.OutOfMemory).Check(Context(Causes.OutOfMemory, quarantined: true));
        Assert.False(applies);
        Assert.Contains("quarantined", reason);
    }

    [Fact]
    public void The_restart_applies_while_the_supervisor_restarts_the_service() =>
        Assert.True(new RestartFix(Causes.Hang).Check(Context(Causes.Hang, quarantined: false)).Applies);

    [Fact]
    public void A_person_asking_for_a_heal_of_a_quarantined_service_gets_the_restart() =>
        Assert.True(new RestartFix(Causes.OutOfMemory).Check(Context(Causes.OutOfMemory, quarantined: true, source: "cli")).Applies);

    [Fact]
    public async Task A_disk_cleanup_with_nothing_to_clean_did_not_apply()
    {
        Directory.CreateDirectory(Path.Combine(_project, "tmp"));
        File.WriteAllBytes(Path.Combine(_project, "tmp", "fresh.bin"), new byte[4096]);
        var result = await Cleanup(new FakeTimeProvider(DateTimeOffset.UtcNow)).ApplyAsync(Context(Causes.DiskFull, quarantined: true), CancellationToken.None);

        Assert.False(result.Applied);
        Assert.Contains("freed 0 bytes", result.Detail);
    }

    [Fact]
    public async Task A_disk_cleanup_that_removed_stale_temp_files_applied()
    {
        var tmp = Path.Combine(_project, "tmp");
        Directory.CreateDirectory(tmp);
        File.WriteAllBytes(Path.Combine(tmp, "old.bin"), new byte[4096]);
        var result = await Cleanup(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(3))).ApplyAsync(Context(Causes.DiskFull, quarantined: true), CancellationToken.None);

        Assert.True(result.Applied);
        Assert.Contains("removed 1 temp files", result.Detail);
        Assert.False(File.Exists(Path.Combine(tmp, "old.bin")));
    }

    [Fact]
    public async Task Removing_an_empty_stale_file_frees_an_inode_and_counts()
    {
        var tmp = Path.Combine(_project, "tmp");
        Directory.CreateDirectory(tmp);
        File.WriteAllBytes(Path.Combine(tmp, "empty"), []);
        var result = await Cleanup(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(3))).ApplyAsync(Context(Causes.DiskFull, quarantined: false), CancellationToken.None);

        Assert.True(result.Applied);
    }

    private CleanDiskFix Cleanup(TimeProvider time) =>
        new(Path.Combine(_project, ".aurora", "logs"), new MaintenanceConfig([new TempRule(Path.Combine(_project, "tmp"), TimeSpan.FromDays(1))], null),
            new BackupPruner(Path.Combine(_project, ".aurora", "backups"), BackupRetention.Default, time), time);
}
