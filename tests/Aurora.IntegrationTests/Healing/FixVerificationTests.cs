using Aurora.Core.Events;
using Aurora.Core.Supervision;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Healing;

/// A fix is verified only when it changed something and the service then outlived its failed run; a fix that
/// changed nothing never lifts a quarantine (the diagnosis corpus's java-oom and retry-then-disk-full: the healer's
/// restart was "verified" 1 s into runs that died 2–3 s in, and a disk cleanup that found nothing to clean was
/// verified, or restarted the quarantined service).
public class FixVerificationTests
{
    [Fact(Timeout = 90000)]
    public async Task A_restart_after_an_out_of_memory_that_comes_back_two_seconds_into_each_run_is_not_verified()
    {
        await using var project = TestProject.Create("""
            services:
              app:
                command: ["python3", "-c", "import time\ntime.sleep(2)\nraise MemoryError()"]
                restart: { backoff: { initial: 100ms }, limit: { count: 10, within: 60s } }
            healing: { verify_timeout: 10s }
            """);
        await using var daemon = await project.StartDaemonAsync();

        var diagnosed = await daemon.WaitForEvent(EventTypes.IncidentDiagnosed, "app");
        Assert.Equal("out_of_memory", diagnosed.Data.GetProperty("cause").GetString());
        var outcome = await daemon.WaitForEvent(e => e.Service == "app" && e.Type is EventTypes.FixVerified or EventTypes.FixRolledBack
            && e.Data.GetProperty("fix").GetString() == "restart", TimeSpan.FromSeconds(60));
        Assert.True(outcome.Type == EventTypes.FixRolledBack, outcome.Data.GetRawText());
        Assert.Contains("exited within", outcome.Data.GetProperty("reason").GetString());
    }

    [Fact(Timeout = 90000)]
    public async Task A_disk_cleanup_with_nothing_to_clean_is_rolled_back_and_leaves_the_quarantine()
    {
        await using var project = TestProject.Create("""
            services:
              app:
                command: ["python3", "-c", "f = open('/dev/full', 'w')\nf.write('x' * 100)\nf.flush()"]
                restart: { backoff: { initial: 10ms }, limit: { count: 1, within: 60s } }
            healing: { verify_timeout: 5s }
            """);
        await using var daemon = await project.StartDaemonAsync();

        var failed = await daemon.WaitForEvent(EventTypes.ServiceFailed, "app");
        var rolledBack = await daemon.WaitForEvent(EventTypes.FixRolledBack, "app", e => e.Data.GetProperty("fix").GetString() == "clean_disk");
        Assert.Equal("disk_full", rolledBack.Data.GetProperty("cause").GetString());
        Assert.Contains("freed 0 bytes", rolledBack.Data.GetProperty("reason").GetString());

        var between = (await daemon.Runtime.Events.Store.ReadAfterAsync(failed.Seq, 10_000, CancellationToken.None))
            .Where(e => e.Seq < rolledBack.Seq && e.Service == "app").Select(e => e.Type).ToList();
        Assert.DoesNotContain(EventTypes.ServiceStarting, between);
        Assert.DoesNotContain(EventTypes.FixVerified, between);
        Assert.Equal(ServiceState.Failed, daemon.Runtime.Orchestrator.Find("app")!.Snapshot.State);
    }
}
