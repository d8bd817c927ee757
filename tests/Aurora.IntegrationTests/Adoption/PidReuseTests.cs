using Aurora.Core.Processes;
using Aurora.Core.Processes.Holding;
using Aurora.Core.Supervision;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Adoption;

/// A pid the holder reports is taken over only when the process there is the one it started: same start time
/// and the service's tag. A foreign process on that pid (a recycled one) is neither adopted nor signalled.
public sealed class PidReuseTests
{
    [Fact(Timeout = 30000)]
    public async Task A_foreign_process_on_a_reported_pid_is_not_the_service()
    {
        var foreign = new PosixProcessLauncher().Start(new ProcessSpec(["sleep", "1000"], "/", TestChild.BaseEnvironment));
        try
        {
            var ticks = ProcessTable.Read(foreign.Pid)!.StartTicks;
            var now = TimeProvider.System.GetUtcNow();

            // The right pid and start time, but not the service's tag: a process that is not ours.
            Assert.False(HeldServices.IsSameProcess(new HeldRecord(foreign.Pid, ticks, now, "p/api", "", null, 0)));

            // The right pid, but started at another time than the service was: a recycled pid.
            Assert.False(HeldServices.IsSameProcess(new HeldRecord(foreign.Pid, ticks - 1, now, "p/api", "", null, 0)));
            Assert.False(foreign.Exited.IsCompleted);
        }
        finally
        {
            await foreign.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None);
        }
    }

    [Fact(Timeout = 30000)]
    public async Task The_service_itself_is_recognised_by_pid_start_time_and_tag()
    {
        var service = new PosixProcessLauncher().Start(new ProcessSpec(["sleep", "1000"], "/", TestChild.BaseEnvironment, "p/api"));
        try
        {
            var ticks = ProcessTable.Read(service.Pid)!.StartTicks;
            // /proc/PID/environ reads empty for a moment while the child is still in its execve: wait it out.
            var record = new HeldRecord(service.Pid, ticks, TimeProvider.System.GetUtcNow(), "p/api", "", null, 0);
            Assert.True(await Aurora.Core.Timing.Poll.UntilAsync(() => HeldServices.IsSameProcess(record), TimeSpan.FromMilliseconds(5),
                TimeSpan.FromSeconds(5), TimeProvider.System, TestContext.Current.CancellationToken));
        }
        finally
        {
            await service.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None);
        }
    }
}
