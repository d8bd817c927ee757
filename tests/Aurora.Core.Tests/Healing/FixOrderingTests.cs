using System.Collections.Immutable;
using Aurora.Core.Healing;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Healing;

public class FixOrderingTests
{
    private sealed class Fix(string name, bool user = false) : IFix
    {
        public string Name => name;

        public string Cause => "missing_dependency";

        public bool IsUserDefined => user;

        public bool HoldsServiceDown => false;

        public ImmutableArray<string> Verify => [];

        public ImmutableArray<string> Touches(FixContext context) => [];

        public (bool Applies, string Reason) Check(FixContext context) => (true, "");

        public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct) => Task.FromResult(FixResult.Ok(""));
    }

    private sealed class MemoryRecords : IFixRecords
    {
        private readonly Dictionary<(string, string), FixRecord> _r = [];

        public FixRecord Get(string cause, string fix) => _r.GetValueOrDefault((cause, fix)) ?? new FixRecord(cause, fix, 0, 0);

        public void Record(string cause, string fix, bool worked)
        {
            var r = Get(cause, fix);
            _r[(cause, fix)] = worked ? r with { Successes = r.Successes + 1 } : r with { Failures = r.Failures + 1 };
        }

        public IReadOnlyList<FixRecord> All() => [.. _r.Values];
    }

    [Fact]
    public void Recorded_outcomes_change_which_fix_runs_first()
    {
        var fixes = new IFix[] { new Fix("a"), new Fix("b") };
        var records = new MemoryRecords();
        Assert.Equal(["a", "b"], FixOrdering.Order(fixes, "missing_dependency", records).Select(f => f.Name));

        records.Record("missing_dependency", "a", worked: false);
        records.Record("missing_dependency", "b", worked: true);
        Assert.Equal(["b", "a"], FixOrdering.Order(fixes, "missing_dependency", records).Select(f => f.Name));
    }

    [Fact]
    public void A_fix_never_tried_ranks_between_one_that_worked_and_one_that_failed()
    {
        var records = new MemoryRecords();
        records.Record("missing_dependency", "good", true);
        records.Record("missing_dependency", "bad", false);
        var order = FixOrdering.Order([new Fix("bad"), new Fix("new"), new Fix("good")], "missing_dependency", records).Select(f => f.Name);
        Assert.Equal(["good", "new", "bad"], order);
    }

    [Fact]
    public void User_defined_fixes_come_before_built_ins_whatever_their_record()
    {
        var records = new MemoryRecords();
        records.Record("missing_dependency", "builtin", true);
        records.Record("missing_dependency", "mine", false);
        var order = FixOrdering.Order([new Fix("builtin"), new Fix("mine", user: true)], "missing_dependency", records).Select(f => f.Name);
        Assert.Equal(["mine", "builtin"], order);
    }

    [Fact]
    public void Fixes_for_other_causes_are_not_candidates() =>
        Assert.Empty(FixOrdering.Order([new Fix("a")], "port_conflict", new MemoryRecords()));

    [Fact]
    public void Rate_limit_allows_three_attempts_an_hour_per_service_and_cause()
    {
        var time = new FakeTimeProvider();
        var limiter = new FixRateLimiter(3, TimeSpan.FromHours(1), time);
        Assert.True(limiter.TryAcquire("api", "hang"));
        Assert.True(limiter.TryAcquire("api", "hang"));
        Assert.True(limiter.TryAcquire("api", "hang"));
        Assert.False(limiter.TryAcquire("api", "hang"));
        Assert.True(limiter.TryAcquire("api", "port_conflict"));
        Assert.True(limiter.TryAcquire("web", "hang"));
        time.Advance(TimeSpan.FromMinutes(61));
        Assert.True(limiter.TryAcquire("api", "hang"));
    }

    [Fact]
    public void Json_records_survive_a_restart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fixrec-{Guid.NewGuid():N}.json");
        try
        {
            var records = new JsonFixRecords(path);
            records.Record("hang", "restart", true);
            records.Record("hang", "restart", false);
            Assert.Equal(new FixRecord("hang", "restart", 1, 1), new JsonFixRecords(path).Get("hang", "restart"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
