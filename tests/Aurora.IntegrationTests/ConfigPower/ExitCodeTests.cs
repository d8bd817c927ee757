using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.ConfigPower;

/// success_exit_codes and the completed / exited conditions on real processes.
public class ExitCodeTests
{
    [Fact(Timeout = 60000)]
    public async Task A_listed_exit_code_is_a_success_that_completes_and_on_failure_does_not_restart()
    {
        await using var project = TestProject.Create("""
            services:
              migrate:
                command: ["sh", "-c", "echo migrated; exit 3"]
                success_exit_codes: [0, 3]
              api:
                command: ["sleep", "1000"]
                depends_on: { migrate: completed }
              report:
                command: ["sh", "-c", "exit 1"]
                restart: { policy: never }
              notifier:
                command: ["sleep", "1000"]
                depends_on: { report: exited }
            """);
        await using var daemon = await project.StartDaemonAsync();

        var exited = await daemon.WaitForEvent(EventTypes.ServiceExited, "migrate");
        Assert.Equal(3, exited.Data.GetProperty("exit_code").GetInt32());
        Assert.True(exited.Data.GetProperty("success").GetBoolean());
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "notifier");

        var migrate = daemon.Runtime.Orchestrator.Find("migrate")!.Snapshot;
        Assert.Equal("Exited", migrate.State.ToString());
        Assert.True(migrate.LastExitOk);
        Assert.Equal(0, migrate.Restarts);
        var events = await daemon.Runtime.Events.Store.ReadAfterAsync(daemon.Runtime.BootSeq, 10_000, CancellationToken.None);
        Assert.DoesNotContain(events, e => e.Type == EventTypes.IncidentOpened && e.Service == "migrate");
    }
}
