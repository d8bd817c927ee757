using Aurora.Core.Config;
using Aurora.Core.Logs;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Logs;

public sealed class ServiceLogFollowTests : IDisposable
{
    private readonly TempLogDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Follow_while_writing_gives_a_contiguous_run_across_rotations()
    {
        const int Batch = 1000;
        const int Batches = 60;
        var ct = TestContext.Current.CancellationToken;
        var rotations = 0;
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(64 * 1024, 1000), new FakeTimeProvider(),
            _ => Interlocked.Increment(ref rotations));
        var tenBatchesWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The test's own back-pressure: past batch 10 the writer needs a credit per batch, and the
        // reader returns one for each batch end it sees, so the writer stays at most a few batches
        // ahead, far inside the follower's queue, however the two threads are scheduled.
        var credit = new SemaphoreSlim(5);
        var writing = Task.Run(async () =>
        {
            var writer = log.OpenWriter();
            var random = new Random(3);
            for (var b = 0; b < Batches; b++)
            {
                if (b >= 10)
                {
                    tenBatchesWritten.TrySetResult();
                    await credit.WaitAsync(ct);
                }

                writer.WriteInRandomChunks(LogWrites.NumberedLines(b * Batch, Batch), random, maxChunk: 700);
            }
        }, ct);

        await tenBatchesWritten.Task.DefaultTimeout();
        using var subscription = log.Follow(tail: 2500);
        var rotationsAtSeam = Volatile.Read(ref rotations);
        var seen = new List<string>();
        void See(string line)
        {
            seen.Add(line);
            var number = LogWrites.NumberOf(line);
            if (number >= 10 * Batch && (number + 1) % Batch == 0)
            {
                credit.Release();
            }
        }

        foreach (var line in subscription.Backlog)
        {
            See(line);
        }

        while (seen.Count == 0 || LogWrites.NumberOf(seen[^1]) < Batches * Batch - 1)
        {
            See(await subscription.Lines.ReadAsync(ct).AsTask().DefaultTimeout());
        }

        await writing.DefaultTimeout();
        Assert.Equal(2500, subscription.Backlog.Count);
        var first = LogWrites.NumberOf(seen[0]);
        Assert.Equal(Enumerable.Range(first, Batches * Batch - first).Select(i => LogWrites.Expected(i)), seen);
        Assert.True(Volatile.Read(ref rotations) > rotationsAtSeam, "no rotation while following");
    }

    [Fact]
    public async Task An_overflowing_follower_is_cut_off_without_blocking_the_writer_or_others()
    {
        var ct = TestContext.Current.CancellationToken;
        using var log = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider());
        using var slow = log.Follow(tail: 0);
        using var keeping = log.Follow(tail: 0);
        var writer = log.OpenWriter();

        // The writes returning at all is the proof that the writer did not wait for the slow follower.
        await Task.Run(() => writer.Write(LogWrites.NumberedLines(0, 8000)), ct).DefaultTimeout();
        Assert.Equal(8000, await ReadAsync(keeping, 8000));
        await Task.Run(() => writer.Write(LogWrites.NumberedLines(8000, 7000)), ct).DefaultTimeout();
        Assert.Equal(7000, await ReadAsync(keeping, 7000));

        var drained = 0;
        while (slow.Lines.TryRead(out _))
        {
            drained++;
        }

        Assert.Equal(ServiceLog.FollowerQueueCapacity, drained);
        await Assert.ThrowsAsync<LogFollowerOverflowException>(() => slow.Lines.Completion.DefaultTimeout());
        Assert.False(keeping.Lines.Completion.IsCompleted);
    }

    [Fact]
    public async Task Disposing_a_subscription_completes_its_lines_and_stops_delivery()
    {
        using var log = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider());
        log.WriteNote("old");
        var subscription = log.Follow(tail: 5);
        log.WriteNote("new");

        subscription.Dispose();
        log.WriteNote("unseen");

        Assert.Equal(["old"], subscription.Backlog);
        Assert.Equal(["new"], await subscription.Lines.ReadAllAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask().DefaultTimeout());
    }

    [Fact]
    public void Follow_on_a_disposed_log_is_already_complete()
    {
        var log = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider());
        log.Dispose();

        using var subscription = log.Follow(tail: 5);

        Assert.Empty(subscription.Backlog);
        Assert.True(subscription.Lines.Completion.IsCompleted);
    }

    private static async Task<int> ReadAsync(LogSubscription subscription, int count)
    {
        var read = 0;
        while (read < count)
        {
            await subscription.Lines.ReadAsync(TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
            read++;
        }

        return read;
    }
}
