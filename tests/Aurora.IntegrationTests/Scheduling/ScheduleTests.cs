using System.Text.Json;
using Aurora.Core.Events;
using Aurora.Daemon.Api;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Scheduling;

/// `schedule:` on the real supervisor and a fake clock: the runs are real processes (sh), the time is the test's.
public class ScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private const string Quiet = "monitor: { sample_interval: off }\nhealing: { enabled: false }\n";

    private static string Job(string schedule, string command = "[\"sh\", \"-c\", \"echo ran; exit 0\"]", string extra = "") => $$"""
        services:
          job:
            command: {{command}}
            schedule: {{schedule}}
        {{extra}}
        """ + "\n" + Quiet;

    [Fact(Timeout = 60000)]
    public async Task Every_runs_the_job_on_time_and_arms_the_next_run()
    {
        await using var d = await FakeClockDaemon.StartAsync(Job("{ every: 1m }"), T0);
        var scheduled = await d.Daemon.WaitForEvent(EventTypes.ServiceScheduled, "job");
        Assert.Equal(T0.AddMinutes(1), DateTimeOffset.Parse(scheduled.Data.GetProperty("next_run_at").GetString()!));
        Assert.Equal(T0.AddMinutes(1), d.Service("job").Snapshot.NextRunAt);

        d.Time.Advance(TimeSpan.FromSeconds(59));
        await d.Barrier("job");
        Assert.Empty(d.Events("job", EventTypes.ServiceStarting));

        var mark = d.Mark;
        d.Time.Advance(TimeSpan.FromSeconds(1));
        var exited = await d.Next(mark, "job", EventTypes.ServiceExited);
        Assert.True(exited.Data.GetProperty("success").GetBoolean());
        Assert.Equal(T0.AddMinutes(1), Assert.Single(d.Events("job", EventTypes.ServiceStarting)).Time);
        Assert.Equal(T0.AddMinutes(2), d.Service("job").Snapshot.NextRunAt);
        await d.Daemon.WaitForLogLine("job", "ran");

        mark = d.Mark;
        d.Time.Advance(TimeSpan.FromMinutes(1));
        await d.Next(mark, "job", EventTypes.ServiceExited);
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(2)], d.Events("job", EventTypes.ServiceStarting).Select(e => e.Time));
    }

    [Fact(Timeout = 60000)]
    public async Task A_0230_Berlin_cron_runs_at_0300_on_the_March_DST_day_then_at_0230_again()
    {
        var start = new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero);
        await using var d = await FakeClockDaemon.StartAsync(Job("{ cron: \"30 2 * * *\", timezone: Europe/Berlin }"), start);
        await d.Daemon.WaitForEvent(EventTypes.ServiceScheduled, "job");
        var dstRun = new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(dstRun, d.Service("job").Snapshot.NextRunAt);

        var mark = d.Mark;
        d.Time.Advance(dstRun - start);
        await d.Next(mark, "job", EventTypes.ServiceExited);
        Assert.Equal(dstRun, Assert.Single(d.Events("job", EventTypes.ServiceStarting)).Time);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 2, 30, 0, TimeSpan.FromHours(2)), d.Service("job").Snapshot.NextRunAt);
    }

    [Fact(Timeout = 60000)]
    public async Task A_run_due_while_the_last_still_runs_is_skipped_with_an_event()
    {
        await using var d = await FakeClockDaemon.StartAsync(Job("{ every: 1m }", "[\"sleep\", \"1000\"]"), T0);
        await d.Daemon.WaitForEvent(EventTypes.ServiceScheduled, "job");
        var mark = d.Mark;
        d.Time.Advance(TimeSpan.FromMinutes(1));
        await d.Next(mark, "job", EventTypes.ServiceStarted);

        mark = d.Mark;
        d.Time.Advance(TimeSpan.FromMinutes(1));
        var skipped = await d.Next(mark, "job", EventTypes.ServiceScheduled);
        Assert.Equal("the last run is still running", skipped.Data.GetProperty("skipped").GetString());
        Assert.False(skipped.Data.GetProperty("queued").GetBoolean());
        Assert.Equal(T0.AddMinutes(3), d.Service("job").Snapshot.NextRunAt);
        await d.Barrier("job");
        Assert.Single(d.Events("job", EventTypes.ServiceStarting));
    }

    [Fact(Timeout = 60000)]
    public async Task With_overlap_allow_a_run_due_meanwhile_starts_when_the_last_one_ends()
    {
        var yaml = Job("{ every: 1m, overlap: allow }", "[\"sleep\", \"1000\"]", "    restart: { policy: never }");
        await using var d = await FakeClockDaemon.StartAsync(yaml, T0);
        await d.Daemon.WaitForEvent(EventTypes.ServiceScheduled, "job");
        var mark = d.Mark;
        d.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await d.Next(mark, "job", EventTypes.ServiceStarted);

        mark = d.Mark;
        d.Time.Advance(TimeSpan.FromMinutes(1));
        var queued = await d.Next(mark, "job", EventTypes.ServiceScheduled);
        Assert.True(queued.Data.GetProperty("queued").GetBoolean());
        await d.Barrier("job");
        Assert.Single(d.Events("job", EventTypes.ServiceStarting));

        mark = d.Mark;
        Assert.Equal(0, Os.Kill(first.Data.GetProperty("pid").GetInt32(), 15));
        var second = await d.Next(mark, "job", EventTypes.ServiceStarted);
        Assert.NotEqual(first.Data.GetProperty("pid").GetInt32(), second.Data.GetProperty("pid").GetInt32());
    }

    [Fact(Timeout = 60000)]
    public async Task A_failing_run_is_diagnosed_and_at_the_restart_limit_the_schedule_pauses_until_started()
    {
        var yaml = Job("{ every: 1m }", "[\"sh\", \"-c\", \"echo 'job: report failed' >&2; exit 3\"]",
            "    restart: { backoff: { initial: 0s }, limit: { count: 2, within: 1h } }");
        await using var d = await FakeClockDaemon.StartAsync(yaml, T0);
        await d.Daemon.WaitForEvent(EventTypes.ServiceScheduled, "job");
        var mark = d.Mark;
        d.Time.Advance(TimeSpan.FromMinutes(1));

        var failed = await d.Next(mark, "job", EventTypes.ServiceFailed);
        Assert.True(failed.Data.GetProperty("limit_reached").GetBoolean());
        var exits = d.Events("job", EventTypes.ServiceExited);
        Assert.Equal(3, exits.Count);
        Assert.All(exits, e => Assert.Equal(3, e.Data.GetProperty("exit_code").GetInt32()));
        var diagnosed = await d.Next(mark, "job", EventTypes.IncidentDiagnosed);
        Assert.Contains("report failed", diagnosed.Data.GetRawText());

        // Paused: no next run is shown and none happens, however long it waits.
        await d.Barrier("job");
        Assert.Null(d.Service("job").Snapshot.NextRunAt);
        Assert.StartsWith("quarantined", d.Events("job", EventTypes.ServiceScheduled)[^1].Data.GetProperty("why").GetString());
        d.Time.Advance(TimeSpan.FromHours(2));
        await d.Barrier("job");
        Assert.Equal(3, d.Events("job", EventTypes.ServiceStarting).Count);
        Assert.Equal("failed", d.Service("job").Snapshot.State.ToString().ToLowerInvariant());

        // A reload that changes the schedule keeps it paused.
        d.Project.Write(yaml.Replace("every: 1m", "every: 2m"));
        Assert.True((await d.Runtime.Reloader.ReloadAsync(dryRun: false, TestContext.Current.CancellationToken).DefaultTimeout()).Applied);
        await d.Barrier("job");
        Assert.Null(d.Service("job").Snapshot.NextRunAt);

        // `aurora start job` lifts the quarantine: it runs now, and on time again after that.
        mark = d.Mark;
        await d.Act("job", ServiceAction.Start);
        await d.Next(mark, "job", EventTypes.ServiceExited);
        Assert.Equal(d.Time.GetUtcNow().AddMinutes(2), d.Service("job").Snapshot.NextRunAt);
    }

    [Fact(Timeout = 60000)]
    public async Task Stop_pauses_the_schedule_and_start_resumes_it()
    {
        await using var d = await FakeClockDaemon.StartAsync(Job("{ every: 1m }"), T0);
        await d.Daemon.WaitForEvent(EventTypes.ServiceScheduled, "job");
        await d.Act("job", ServiceAction.Stop);
        Assert.Null(d.Service("job").Snapshot.NextRunAt);
        var paused = d.Events("job", EventTypes.ServiceScheduled)[^1];
        Assert.True(paused.Data.GetProperty("paused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paused.Data.GetProperty("next_run_at").ValueKind);

        d.Time.Advance(TimeSpan.FromMinutes(10));
        await d.Barrier("job");
        Assert.Empty(d.Events("job", EventTypes.ServiceStarting));

        var mark = d.Mark;
        await d.Act("job", ServiceAction.Start);
        await d.Next(mark, "job", EventTypes.ServiceExited);
        Assert.Equal(T0.AddMinutes(11), d.Service("job").Snapshot.NextRunAt);
        Assert.Single(d.Events("job", EventTypes.ServiceStarting));
    }

    [Fact(Timeout = 60000)]
    public async Task A_run_months_away_is_armed_and_runs_on_time()
    {
        // Timers take at most about 49.7 days; `every:` allows up to 366 days and a cron may be a year away.
        await using var d = await FakeClockDaemon.StartAsync(Job("{ every: 100d }"), T0);
        await d.Daemon.WaitForEvent(EventTypes.ServiceScheduled, "job");
        Assert.Equal(T0.AddDays(100), d.Service("job").Snapshot.NextRunAt);

        d.Time.Advance(TimeSpan.FromDays(60));
        await d.Barrier("job");
        Assert.Empty(d.Events("job", EventTypes.ServiceStarting));

        var mark = d.Mark;
        d.Time.Advance(TimeSpan.FromDays(40));
        await d.Next(mark, "job", EventTypes.ServiceExited);
        Assert.Equal(T0.AddDays(100), Assert.Single(d.Events("job", EventTypes.ServiceStarting)).Time);
        Assert.Equal(T0.AddDays(200), d.Service("job").Snapshot.NextRunAt);
    }

    [Fact(Timeout = 60000)]
    public async Task Reload_changes_only_the_schedule_of_that_service()
    {
        const string Before = """
            services:
              job:
                command: ["sh", "-c", "exit 0"]
                schedule: { every: 1m }
              other:
                command: ["sleep", "1000"]
            """;
        await using var d = await FakeClockDaemon.StartAsync(Before + "\n" + Quiet, T0);
        var other = await d.Daemon.WaitForEvent(EventTypes.ServiceStarted, "other");
        d.Time.Advance(TimeSpan.FromSeconds(30));

        var mark = d.Mark;
        d.Project.Write(Before.Replace("every: 1m", "cron: \"0 * * * *\"") + "\n" + Quiet);
        var outcome = await d.Runtime.Reloader.ReloadAsync(dryRun: false, TestContext.Current.CancellationToken).DefaultTimeout();
        Assert.True(outcome.Applied, string.Join("\n", outcome.Errors));
        var change = Assert.Single(outcome.Plan!.Updated);
        Assert.Equal("job", change.Service);
        Assert.Equal(["schedule"], change.Fields);
        Assert.Empty(outcome.Plan.Restarted);
        Assert.Equal(["other"], outcome.Plan.Unchanged);

        var rescheduled = await d.Next(mark, "job", EventTypes.ServiceScheduled);
        Assert.Equal("reconfigured", rescheduled.Data.GetProperty("why").GetString());
        Assert.Equal(T0.AddHours(1), d.Service("job").Snapshot.NextRunAt);
        Assert.Equal(other.Data.GetProperty("pid").GetInt32(), d.Service("other").Snapshot.Pid);

        // The old timer is gone: nothing runs at 10:01, the new one runs at 11:00.
        d.Time.Advance(TimeSpan.FromMinutes(30));
        await d.Barrier("job");
        Assert.Empty(d.Events("job", EventTypes.ServiceStarting));
        mark = d.Mark;
        d.Time.Advance(TimeSpan.FromSeconds(29 * 60 + 30));
        await d.Next(mark, "job", EventTypes.ServiceExited);
        Assert.Equal(T0.AddHours(1), Assert.Single(d.Events("job", EventTypes.ServiceStarting)).Time);
    }
}
