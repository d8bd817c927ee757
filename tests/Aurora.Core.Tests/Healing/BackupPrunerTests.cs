using Aurora.Core.Config;
using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Healing;

/// Issue 19, finding 5: `.aurora/backups/` grew with every fix attempt. healing.backups bounds it.
public sealed class BackupPrunerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly string _project = Directory.CreateTempSubdirectory("aurora-prune-").FullName;
    private readonly FakeTimeProvider _time = new(T0);

    private string Backups => Path.Combine(_project, ".aurora", "backups");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private FixContext Context() => new(TestConfigs.Service("api"), new Aurora.Core.Diagnosis.Diagnosis("unknown", 0.1, [], ""), _project, "p");

    private FixTransaction Begin(string id)
    {
        File.WriteAllText(Path.Combine(_project, "a.txt"), id);
        return FixTransaction.Begin(Backups, id, new TouchingFix("a.txt"), Context(), _time);
    }

    private string[] Left() => [.. Directory.GetDirectories(Backups).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Keeps_the_most_recently_finished_and_always_the_one_in_flight()
    {
        foreach (var id in new[] { "fix-1", "fix-2", "fix-3", "fix-4" })
        {
            var tx = Begin(id);
            _time.Advance(TimeSpan.FromMinutes(1));
            if (id == "fix-2")
            {
                tx.Rollback();
            }
            else
            {
                tx.Commit();
            }
        }

        Begin("fix-5");

        var pruned = new BackupPruner(Backups, new BackupRetention(2, TimeSpan.FromDays(7)), _time).Prune();

        Assert.Equal(["fix-2", "fix-1"], pruned);
        Assert.Equal(["fix-3", "fix-4", "fix-5"], Left());
    }

    [Fact]
    public void Removes_finished_backups_older_than_max_age_even_within_keep()
    {
        Begin("fix-old").Commit();
        _time.Advance(TimeSpan.FromDays(6));
        Begin("fix-new").Commit();
        var pruner = new BackupPruner(Backups, new BackupRetention(20, TimeSpan.FromDays(7)), _time);

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Empty(pruner.Prune());

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["fix-old"], pruner.Prune());

        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(["fix-new"], pruner.Prune());
        Assert.Empty(Left());
    }

    [Fact]
    public void An_in_flight_backup_is_kept_however_old()
    {
        Begin("fix-running");
        _time.Advance(TimeSpan.FromDays(365));

        Assert.Empty(new BackupPruner(Backups, new BackupRetention(0, TimeSpan.Zero), _time).Prune());
        Assert.Equal(["fix-running"], Left());
    }

    [Fact]
    public void A_folder_a_daemon_left_while_taking_a_snapshot_goes_first()
    {
        Begin("fix-1").Commit();
        Directory.CreateDirectory(Path.Combine(Backups, "fix-0-half"));

        Assert.Equal(["fix-0-half"], new BackupPruner(Backups, new BackupRetention(1, TimeSpan.FromDays(7)), _time).Prune());
        Assert.Equal(["fix-1"], Left());
    }

    [Fact]
    public void The_rule_keeps_keep_newest_younger_than_max_age()
    {
        var finished = new[] { ("a", T0), ("b", T0.AddHours(1)), ("c", T0.AddHours(2)), ("d", T0.AddHours(3)) };

        Assert.Equal(["b", "a"], BackupPruner.Expired(finished, new BackupRetention(2, TimeSpan.FromDays(1)), T0.AddHours(3)));
        Assert.Equal(["c", "b", "a"], BackupPruner.Expired(finished, new BackupRetention(2, TimeSpan.FromHours(1)), T0.AddHours(4)));
        Assert.Equal(["d", "c", "b", "a"], BackupPruner.Expired(finished, new BackupRetention(0, TimeSpan.FromDays(1)), T0));
    }

    [Fact]
    public async Task The_disk_full_fix_prunes_backups_too()
    {
        Begin("fix-1").Commit();
        _time.Advance(TimeSpan.FromDays(8));
        var fix = new CleanDiskFix(Path.Combine(_project, ".aurora", "logs"), MaintenanceConfig.Default,
            new BackupPruner(Backups, BackupRetention.Default, _time), _time);

        var result = await fix.ApplyAsync(Context(), CancellationToken.None);

        Assert.Contains("pruned 1 fix backups", result.Detail);
        Assert.Empty(Left());
    }
}
