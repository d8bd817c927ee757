using System.Collections.Immutable;
using System.Threading.Channels;
using Aurora.Core.Config;
using Aurora.Core.Resources;
using Aurora.Core.Supervision;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Resources;

/// A ResourceSampler on a fake clock, over fake process trees and services the test sets; every published tick
/// is copied into a channel the test reads with a deadline.
internal sealed class SamplerHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 18, 12, 0, TimeSpan.Zero);

    private readonly Channel<(DateTimeOffset Time, TimeSpan Interval, ServiceSample[] Services)> _ticks = Channel.CreateUnbounded<(DateTimeOffset, TimeSpan, ServiceSample[])>();
    private ImmutableDictionary<string, ServiceSnapshot> _services = ImmutableDictionary<string, ServiceSnapshot>.Empty;
    private MonitorConfig _monitor;

    public SamplerHarness(TimeSpan? interval, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? Start);
        _monitor = MonitorConfig.Default with { SampleInterval = interval };
        History = new RecordingHistory(new MemoryResourceHistory(Time));
        Sampler = new ResourceSampler(() => Volatile.Read(ref _monitor), () => Volatile.Read(ref _services).Values, Trees, History,
            tick => _ticks.Writer.TryWrite((tick.Time, tick.Interval, [.. tick.Services])), Time);
    }

    public FakeTimeProvider Time { get; }

    public FakeTrees Trees { get; } = new();

    public RecordingHistory History { get; }

    public ResourceSampler Sampler { get; }

    public MonitorConfig Monitor
    {
        get => Volatile.Read(ref _monitor);
        set => Volatile.Write(ref _monitor, value);
    }

    /// A service running `pid`, started at `startedAt` (now by default).
    public void Run(string name, int pid, DateTimeOffset? startedAt = null) =>
        ImmutableInterlocked.Update(ref _services, all => all.SetItem(name,
            new ServiceSnapshot(name, ServiceState.Running, 1, pid, pid * 10L, startedAt ?? Time.GetUtcNow())));

    /// A service running `pid` whose tree has used `cpuTicks` and holds `rssBytes`, started now.
    public void Run(string name, int pid, long cpuTicks, long rssBytes)
    {
        Trees.Set(pid, cpuTicks, rssBytes);
        Run(name, pid);
    }

    public void Stop(string name) =>
        ImmutableInterlocked.Update(ref _services, all => all.SetItem(name, new ServiceSnapshot(name, ServiceState.Stopped, 2)));

    /// Advances the clock by `by` and waits for the tick it causes.
    public async Task<(DateTimeOffset Time, TimeSpan Interval, ServiceSample[] Services)> AdvanceToTickAsync(TimeSpan by)
    {
        Time.Advance(by);
        return await _ticks.Reader.ReadAsync().AsTask().DefaultTimeout();
    }

    public bool TryTakeTick(out (DateTimeOffset Time, TimeSpan Interval, ServiceSample[] Services) tick) => _ticks.Reader.TryRead(out tick);

    public ValueTask DisposeAsync() => Sampler.DisposeAsync();
}
