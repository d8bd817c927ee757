using Aurora.Daemon.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Daemon;

/// The daemon gives a burst's memory back once the burst is over, never collects while idle or busy, and costs an
/// idle daemon no wake-up.
public sealed class HeapTrimmerTests
{
    [Fact]
    public async Task A_burst_is_trimmed_once_in_the_first_quiet_second_and_an_idle_daemon_never()
    {
        var heap = new Heap();
        await using var trimmer = heap.StartAfterBringUp();

        // Idle: a little each second, never a collection.
        for (var i = 0; i < 30; i++)
        {
            heap.Allocated += 10_000;
            heap.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, heap.Collections);

        // A burst over three busy seconds (its first collection wakes the trimmer): nothing while it lasts.
        trimmer.Wake();
        for (var i = 0; i < 3; i++)
        {
            heap.Allocated += HeapTrimmer.BurstBytes;
            heap.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, heap.Collections);

        // The first quiet second trims; the quiet after it does not again, even when woken.
        heap.Allocated += 1_000;
        heap.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, heap.Collections);
        for (var i = 0; i < 30; i++)
        {
            trimmer.Wake();
            heap.Allocated += 10_000;
            heap.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, heap.Collections);
        Assert.Equal(2, trimmer.Trims);
    }

    [Fact]
    public async Task Bring_up_is_trimmed_at_its_first_quiet_second_however_little_it_allocated()
    {
        var heap = new Heap();
        await using var trimmer = heap.Start();

        heap.Allocated += HeapTrimmer.QuietBytes; // one service: a busy second, far from a burst
        heap.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, heap.Collections);
        heap.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, heap.Collections);
        Assert.False(trimmer.Ticking);
    }

    [Fact]
    public async Task An_idle_daemon_is_not_woken_once_a_second_forever()
    {
        var time = new FakeTimeProvider();
        long allocated = 0;
        var reads = 0;
        await using var trimmer = new HeapTrimmer(time, () =>
        {
            reads++;
            return allocated;
        }, () => { });

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(trimmer.Ticking);
        var afterQuiet = reads;

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(afterQuiet, reads);

        // A collection (allocation resumed) starts it again, until the next quiet second.
        trimmer.Wake();
        Assert.True(trimmer.Ticking);
        allocated += HeapTrimmer.QuietBytes;
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(trimmer.Ticking);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(trimmer.Ticking);
        var afterSecondQuiet = reads;
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(afterSecondQuiet, reads);
    }

    [Fact]
    public async Task A_steady_trickle_of_allocation_never_trims()
    {
        var heap = new Heap();
        await using var trimmer = heap.StartAfterBringUp();

        // Resource samples: under QuietBytes a second for an hour, each gen0 budget used up waking the trimmer;
        // what piled up while it slept is never counted as a burst.
        for (var i = 0; i < 3600; i++)
        {
            heap.Allocated += HeapTrimmer.QuietBytes / 2;
            if (i % 4 == 0)
            {
                trimmer.Wake();
            }

            heap.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, heap.Collections);
    }

    [Fact]
    public async Task A_garbage_collection_signals_and_the_signal_rearms()
    {
        var signalled = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var signal = CollectionSignal.Start(() =>
        {
            if (Interlocked.Increment(ref signalled) == 2)
            {
                second.TrySetResult();
            }
        });

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await second.Task.DefaultTimeout();
        Assert.True(Volatile.Read(ref signalled) >= 2);
    }

    /// A process as the trimmer sees it: a fake clock, the bytes it has allocated, the collections it was given.
    private sealed class Heap
    {
        public FakeTimeProvider Time { get; } = new();

        public long Allocated { get; set; }

        public int Collections { get; set; }

        public HeapTrimmer Start() => new(Time, () => Allocated, () => Collections++);

        /// Started, its bring-up trimmed in the first quiet second, and the count of collections back at 0.
        public HeapTrimmer StartAfterBringUp()
        {
            var trimmer = Start();
            Time.Advance(TimeSpan.FromSeconds(1));
            Collections = 0;
            return trimmer;
        }
    }
}
