using Aurora.Core.Config;
using Aurora.Core.Scheduling;

namespace Aurora.Core.Tests.Scheduling;

/// When a scheduled service runs next: cron (five fields, or six with seconds) in a named zone, DST included, and
/// fixed intervals. The supervisor arms its timer from these instants (ScheduleTests run them on a real supervisor).
public class ScheduleClockTests
{
    private static ScheduleConfig Cron(string cron, string? zone = "UTC") => new(cron, null, zone, AllowOverlap: false);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, null, System.Globalization.DateTimeStyles.AssumeUniversal);

    [Fact]
    public void Every_is_the_interval_after_now()
    {
        var now = Utc("2026-11-24T10:00:07Z");
        Assert.Equal(Utc("2026-11-24T10:10:07Z"), ScheduleClock.Next(new ScheduleConfig(null, TimeSpan.FromMinutes(10), null, false), now));
    }

    [Theory]
    [InlineData("*/5 * * * *", "2026-11-24T10:02:30Z", "2026-11-24T10:05:00Z")]
    [InlineData("*/5 * * * *", "2026-11-24T10:05:00Z", "2026-11-24T10:10:00Z")] // strictly after now: no double run
    [InlineData("0 9 * * 1-5", "2026-11-27T09:00:00Z", "2026-11-30T09:00:00Z")] // Friday 09:00 → Monday
    [InlineData("*/20 * * * * *", "2026-11-24T10:00:41Z", "2026-11-24T10:01:00Z")] // six fields: seconds first
    [InlineData("0 0 1 6 *", "2026-11-24T10:00:00Z", "2027-06-01T00:00:00Z")] // months away
    public void Cron_in_utc(string cron, string now, string expected) =>
        Assert.Equal(Utc(expected), ScheduleClock.Next(Cron(cron), Utc(now)));

    [Fact]
    public void A_0230_daily_job_in_Berlin_runs_at_0300_on_the_day_the_clocks_skip_0230()
    {
        // 2027-03-28: 02:00 CET becomes 03:00 CEST; 02:30 does not exist that day. Cronos runs it at the end of the gap.
        var job = Cron("30 2 * * *", "Europe/Berlin");
        var dayBefore = ScheduleClock.Next(job, Utc("2027-03-27T00:00:00Z"));
        Assert.Equal(Utc("2027-03-27T01:30:00Z"), dayBefore); // 02:30 CET
        var dstDay = ScheduleClock.Next(job, dayBefore!.Value);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)), dstDay); // 03:00 CEST = 01:00 UTC
        var dayAfter = ScheduleClock.Next(job, dstDay!.Value);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 2, 30, 0, TimeSpan.FromHours(2)), dayAfter);
        Assert.Equal(TimeSpan.FromHours(23.5), dayAfter!.Value - dstDay.Value);
    }

    [Fact]
    public void A_0230_daily_job_in_Berlin_runs_once_on_the_day_0230_happens_twice()
    {
        // 2027-10-31: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice, the job runs at the first.
        var job = Cron("30 2 * * *", "Europe/Berlin");
        var first = ScheduleClock.Next(job, Utc("2027-10-30T12:00:00Z"));
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 2, 30, 0, TimeSpan.FromHours(2)), first);
        var next = ScheduleClock.Next(job, first!.Value);
        Assert.Equal(new DateTimeOffset(2027, 11, 1, 2, 30, 0, TimeSpan.FromHours(1)), next);
    }

    [Fact]
    public void The_zone_is_the_hosts_when_none_is_named()
    {
        Assert.Same(TimeZoneInfo.Local, ScheduleClock.Zone(null));
        Assert.Equal("Europe/Berlin", ScheduleClock.Zone("Europe/Berlin").Id);
    }
}
