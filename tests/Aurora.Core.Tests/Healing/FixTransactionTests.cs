using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Healing;

public class FixTransactionTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), $"fixtx-{Guid.NewGuid():N}");

    public FixTransactionTests() => Directory.CreateDirectory(_project);

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private FixContext Context() => new(TestConfigs.Service("api"), new Aurora.Core.Diagnosis.Diagnosis("unknown", 0.1, [], ""), _project, "p");

    [Fact]
    public void A_pending_fix_left_by_a_crashed_daemon_is_rolled_back_at_the_next_start()
    {
        var file = Path.Combine(_project, "app.conf");
        File.WriteAllText(file, "before");
        var backups = Path.Combine(_project, ".aurora", "backups");
        FixTransaction.Begin(backups, "fix-1", new TouchingFix("app.conf", "new-dir"), Context(), TimeProvider.System);

        // The fix ran halfway, then the daemon died.
        File.WriteAllText(file, "half-written");
        Directory.CreateDirectory(Path.Combine(_project, "new-dir"));

        var recovered = FixTransaction.RecoverPending(_project, backups, TimeProvider.System);
        Assert.Equal("fix-1", Assert.Single(recovered).FixId);
        Assert.Equal("before", File.ReadAllText(file));
        Assert.False(Directory.Exists(Path.Combine(_project, "new-dir")));
        Assert.Empty(FixTransaction.RecoverPending(_project, backups, TimeProvider.System));
    }

    [Fact]
    public void A_fix_may_not_touch_anything_outside_the_project() =>
        Assert.Throws<UnsafePathException>(() =>
            FixTransaction.Begin(Path.Combine(_project, "b"), "fix-2", new TouchingFix("../outside.txt"), Context(), TimeProvider.System));

    [Fact]
    public void Committed_fix_keeps_its_changes()
    {
        var file = Path.Combine(_project, "a.txt");
        File.WriteAllText(file, "old");
        var tx = FixTransaction.Begin(Path.Combine(_project, "b"), "fix-3", new TouchingFix("a.txt"), Context(), TimeProvider.System);
        File.WriteAllText(file, "new");
        tx.Commit();
        Assert.Equal("new", File.ReadAllText(file));
        Assert.Empty(FixTransaction.RecoverPending(_project, Path.Combine(_project, "b"), TimeProvider.System));
    }

    [Fact]
    public void A_commit_whose_manifest_cannot_be_written_on_a_full_disk_still_ends_the_transaction()
    {
        var file = Path.Combine(_project, "a.txt");
        File.WriteAllText(file, "old");
        var backups = Path.Combine(_project, "b");
        var tx = FixTransaction.Begin(backups, "fix-4", new TouchingFix("a.txt"), Context(), TimeProvider.System);
        File.WriteAllText(file, "new");

        // Every write of the new manifest fails with ENOSPC.
        File.CreateSymbolicLink(Path.Combine(tx.BackupDirectory, "manifest.json.tmp"), "/dev/full");
        tx.Commit();

        Assert.False(FixTransaction.IsPending(tx.BackupDirectory));
        Assert.False(Path.Exists(Path.Combine(tx.BackupDirectory, "manifest.json.tmp")));
        Assert.Empty(FixTransaction.RecoverPending(_project, backups, TimeProvider.System));
        Assert.Equal("new", File.ReadAllText(file));
    }
}
