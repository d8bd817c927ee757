using Aurora.Daemon.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Daemon;

/// The daemon gives a burst's memory back once the burst is over, and never collects while idle or busy.
public sealed class HeapTrimmerTests
{
    [Fact]
    public async Task A_burst_is_trimmed_once_in_the_first_quiet_second_and_an_idle_daemon_never()
    {
        var time = new FakeTimeProvider();
        long allocated = 0;
        var collections = 0;
        await using var trimmer = new HeapTrimmer(time, () => allocated, () => collections++);

        // Idle: a little each second, never a collection.
        for (var i = 0; i < 30; i++)
        {
            allocated += 10_000;
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, collections);

        // A burst over three busy seconds: nothing while it lasts.
        for (var i = 0; i < 3; i++)
        {
            allocated += HeapTrimmer.BurstBytes;
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, collections);

        // The first quiet second trims; the quiet after it does not again.
        allocated += 1_000;
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, collections);
        for (var i = 0; i < 30; i++)
        {
            allocated += 10_000;
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, collections);
        Assert.Equal(1, trimmer.Trims);
    }
}
