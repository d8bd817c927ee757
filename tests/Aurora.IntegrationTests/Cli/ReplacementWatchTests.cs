using Aurora.Cli.Client;
using Aurora.Core.Processes;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Cli;

/// When an `events -f` follower that lost its stream waits for the daemon to come back: the same process (pid and
/// start time) re-executing, not a dead daemon's zombie nor another process on its pid.
public sealed class ReplacementWatchTests
{
    private const int Pid = 4242;
    private const long Started = 777;

    /// The daemon re-executes from a thread-pool thread: while the kernel kills its other threads, /proc/PID/stat
    /// shows the thread-group leader as a zombie. A follower that read that moment ended its stream across
    /// `aurora daemon restart` (DaemonRestartTests, about one run in five under load).
    [Fact]
    public void A_follower_keeps_waiting_through_the_zombie_moment_of_the_daemons_exec()
    {
        var time = new FakeTimeProvider();
        var state = 'S';
        var watch = new ReplacementWatch(Pid, time, pid => new ProcessInfo(pid, state, 1, pid, pid, Started));

        state = 'Z';
        Assert.True(watch.MayComeBack());
        time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(watch.MayComeBack());

        state = 'R';
        time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(watch.MayComeBack());
    }

    [Fact]
    public void A_daemon_that_died_ends_the_wait_once_its_zombie_outlasts_the_grace()
    {
        var time = new FakeTimeProvider();
        var state = 'S';
        var watch = new ReplacementWatch(Pid, time, pid => new ProcessInfo(pid, state, 1, pid, pid, Started));

        state = 'Z';
        Assert.True(watch.MayComeBack());
        time.Advance(ReplacementWatch.ZombieGrace - TimeSpan.FromMilliseconds(1));
        Assert.True(watch.MayComeBack());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(watch.MayComeBack());
    }

    [Fact]
    public void A_daemon_that_is_gone_or_whose_pid_was_reused_ends_the_wait()
    {
        var time = new FakeTimeProvider();
        ProcessInfo? info = new(Pid, 'S', 1, Pid, Pid, Started);
        var watch = new ReplacementWatch(Pid, time, _ => info);

        info = info with { StartTicks = Started + 1 };
        Assert.False(watch.MayComeBack());
        info = null;
        Assert.False(watch.MayComeBack());
        Assert.False(new ReplacementWatch(null, time, _ => null).MayComeBack());
    }

    [Fact]
    public void The_wait_lasts_at_most_a_minute_from_the_loss_and_starts_afresh_after_a_reconnect()
    {
        var time = new FakeTimeProvider();
        var watch = new ReplacementWatch(Pid, time, pid => new ProcessInfo(pid, 'S', 1, pid, pid, Started));

        Assert.True(watch.MayComeBack());
        time.Advance(ReplacementWatch.ReplacementWait - TimeSpan.FromMilliseconds(1));
        Assert.True(watch.MayComeBack());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(watch.MayComeBack());

        watch.Connected();
        Assert.True(watch.MayComeBack());
    }
}
