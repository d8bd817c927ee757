using System.Text.Json;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Scheduling;

/// What `aurora status` says about a scheduled service, through the real CLI and daemon.
public class ScheduleStatusTests
{
    [Fact(Timeout = 90000)]
    public async Task Status_shows_the_next_run_in_the_table_and_as_next_run_at_in_json()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              report:
                command: ["sh", "-c", "echo report"]
                schedule: { every: 1h }
              web:
                command: ["sleep", "1000"]
            """);
        await using var daemon = await project.StartDaemonAsync();
        var scheduled = await daemon.WaitForEvent(EventTypes.ServiceScheduled, "report");
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "web");
        var next = DateTimeOffset.Parse(scheduled.Data.GetProperty("next_run_at").GetString()!);
        Assert.InRange(next - scheduled.Time, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        var json = await project.Cli(ct, "status", "--json");
        Assert.True(json.ExitCode == 0, json.Output);
        using var doc = JsonDocument.Parse(json.Output);
        var rows = doc.RootElement.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(next, rows["report"].GetProperty("next_run_at").GetDateTimeOffset());
        Assert.True(!rows["web"].TryGetProperty("next_run_at", out var none) || none.ValueKind == JsonValueKind.Null);

        var table = await project.Cli(ct, "status");
        Assert.True(table.ExitCode == 0, table.Output);
        var line = table.Output.Split('\n').Single(l => l.Contains("report", StringComparison.Ordinal));
        Assert.Contains($"next run {next.ToLocalTime():yyyy-MM-dd HH:mm:ss}", line);
        Assert.DoesNotContain("next run", table.Output.Split('\n').Single(l => l.Contains("web", StringComparison.Ordinal)));
    }
}
