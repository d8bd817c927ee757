using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Store;

/// `aurora down` while `.aurora/` is full: the services stop and the daemon ends cleanly, saying that the events it
/// still holds are lost with it, instead of the shutdown failing on the flush (the CLI used to see the connection cut).
public class DiskFullShutdownTests
{
    [Fact(Timeout = 120000)]
    public async Task Down_on_a_full_disk_stops_everything_and_ends_the_daemon_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            version: 1
            services:
              app: { command: ["sleep", "100000"] }
            """);
        await using var disk = SmallDisk.MountAt(Path.Combine(project.Dir, ".aurora"), "4m");
        var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(e => e.Type == EventTypes.ServiceStarted);
        var began = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ((IStoreHealth)daemon.Runtime.Events.Store).OutageChanged += o => _ = o.Ended is null && began.TrySetResult();

        disk.Fill();
        var restart = await project.Cli(ct, "restart", "app");
        Assert.Equal(0, restart.ExitCode);
        await began.Task.DefaultTimeout();

        var down = await project.Cli(ct, "down");
        Assert.True(down.ExitCode == 0, down.Output);
        await daemon.DisposeAsync(); // the daemon's run ended without an exception
    }
}
