using System.Globalization;
using Aurora.Core.Config;
using Aurora.Core.Scheduling;
using Aurora.Porting.Export.Systemd;

namespace Aurora.Porting.Tests.Export;

public sealed class CronCalendarTests
{
    [Theory]
    [InlineData("*/5 * * * *", "*-*-* *:00/5:00")]
    [InlineData("0 9-17 * * MON-FRI", "Mon..Fri *-*-* 09..17:00:00")]
    [InlineData("30 2 1 * *", "*-*-01 02:30:00")]
    [InlineData("0 0 * * 0", "Sun *-*-* 00:00:00")]
    [InlineData("15,45 */6 * JAN,JUL *", "*-01,07-* 00/6:15,45:00")]
    [InlineData("@hourly", "*-*-* *:00:00")]
    [InlineData("*/10 * * * * *", "*-*-* *:*:00/10")]
    public void Cron_converts_to_the_calendar_systemd_reads(string cron, string calendar) =>
        Assert.Equal((calendar, (string?)null), CronCalendar.Convert(cron, null));

    [Fact]
    public void A_time_zone_is_appended() =>
        Assert.Equal("*-*-* 03:00:00 Europe/Berlin", CronCalendar.Convert("0 3 * * *", "Europe/Berlin").Calendar);

    [Theory]
    [InlineData("0 0 1 * 1", "OR")]
    [InlineData("0 0 L * *", "L, W and #")]
    [InlineData("0 0 * * 5#3", "L, W and #")]
    public void Cron_without_a_calendar_form_says_why(string cron, string reason)
    {
        var (calendar, why) = CronCalendar.Convert(cron, null);
        Assert.Null(calendar);
        Assert.Contains(reason, why);
    }

    /// The converted calendar fires at exactly the times Aurora's own cron (Cronos) does, as systemd computes them.
    [Theory(Timeout = 60_000)]
    [InlineData("*/5 * * * *")]
    [InlineData("7 9-17/2 * * MON-FRI")]
    [InlineData("0 0 29 2 *")]
    [InlineData("0 12 * * 6,0")]
    [InlineData("1-10/3 4 * * *")]
    [InlineData("0 0 31 * *")]
    public async Task Calendar_fires_when_cron_does(string cron)
    {
        var calendar = CronCalendar.Convert(cron, "UTC").Calendar!;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var schedule = new ScheduleConfig(cron, null, "UTC", false);
        var expected = new List<string>();
        for (var (at, i) = (start, 0); i < 12; i++)
        {
            at = ScheduleClock.Next(schedule, at)!.Value;
            expected.Add(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        var (exit, output) = await ToolRun.RunAsync(Path.GetTempPath(), SystemdVerify.Analyze,
            ["calendar", "--iterations=12", $"--base-time=@{start.ToUnixTimeSeconds()}", calendar], [("TZ", "UTC")]);
        Assert.True(exit == 0, output);
        var actual = output.Split('\n').Where(l => l.Contains("Next elapse:") || l.Contains("Iter. #"))
            .Select(l => l.Split(": ", 2)[1].Trim()[4..^4]).ToList();
        Assert.Equal(expected, actual);
    }
}
