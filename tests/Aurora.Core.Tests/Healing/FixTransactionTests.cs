using System.Collections.Immutable;
using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Healing;

public class FixTransactionTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), $"fixtx-{Guid.NewGuid():N}");

    public FixTransactionTests() => Directory.CreateDirectory(_project);

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private sealed class Touching(params string[] paths) : IFix
    {
        public string Name => "user:0:test";

        public string Cause => "unknown";

        public bool IsUserDefined => true;

        public bool HoldsServiceDown => false;

        public ImmutableArray<string> Verify => [];

        public ImmutableArray<string> Touches(FixContext context) => [.. paths];

        public (bool Applies, string Reason) Check(FixContext context) => (true, "");

        public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct) => Task.FromResult(FixResult.Ok(""));
    }

    private FixContext Context() => new(TestConfigs.Service("api"), new Aurora.Core.Diagnosis.Diagnosis("unknown", 0.1, [], ""), _project, "p");

    [Fact]
    public void A_pending_fix_left_by_a_crashed_daemon_is_rolled_back_at_the_next_start()
    {
        var file = Path.Combine(_project, "app.conf");
        File.WriteAllText(file, "before");
        var backups = Path.Combine(_project, ".aurora", "backups");
        FixTransaction.Begin(backups, "fix-1", new Touching("app.conf", "new-dir"), Context());

        // The fix ran halfway, then the daemon died.
        File.WriteAllText(file, "half-written");
        Directory.CreateDirectory(Path.Combine(_project, "new-dir"));

        var recovered = FixTransaction.RecoverPending(_project, backups);
        Assert.Equal("fix-1", Assert.Single(recovered).FixId);
        Assert.Equal("before", File.ReadAllText(file));
        Assert.False(Directory.Exists(Path.Combine(_project, "new-dir")));
        Assert.Empty(FixTransaction.RecoverPending(_project, backups));
    }

    [Fact]
    public void A_fix_may_not_touch_anything_outside_the_project() =>
        Assert.Throws<InvalidOperationException>(() =>
            FixTransaction.Begin(Path.Combine(_project, "b"), "fix-2", new Touching("../outside.txt"), Context()));

    [Fact]
    public void Committed_fix_keeps_its_changes()
    {
        var file = Path.Combine(_project, "a.txt");
        File.WriteAllText(file, "old");
        var tx = FixTransaction.Begin(Path.Combine(_project, "b"), "fix-3", new Touching("a.txt"), Context());
        File.WriteAllText(file, "new");
        tx.Commit();
        Assert.Equal("new", File.ReadAllText(file));
        Assert.Empty(FixTransaction.RecoverPending(_project, Path.Combine(_project, "b")));
    }
}
