using Aurora.Core.Config;

namespace Aurora.Core.Tests.Scheduling;

/// The demo stack (README's first command) carries a scheduled job and still validates without a warning.
public class DemoScheduleTests
{
    [Fact]
    public void The_demo_runs_a_report_every_minute_and_validates_clean()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "examples", "demo", "aurora.yaml")))
        {
            dir = dir.Parent;
        }

        var result = ConfigLoader.Load(Path.Combine(dir!.FullName, "examples", "demo", "aurora.yaml"), _ => true);

        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var report = result.Config!.Find("report")!;
        Assert.Equal(TimeSpan.FromMinutes(1), report.Schedule!.Every);
        Assert.True(File.Exists(Path.Combine(dir.FullName, "examples", "demo", "report", "report.py")));
        Assert.Equal(["db", "migrate", "api", "chat-1", "chat-2", "worker", "report"], result.Config.Services.Select(s => s.Name));
    }
}
