using System.Collections.Concurrent;
using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Logs;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;
using Aurora.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Supervision;

internal sealed class FakeOutput : IServiceOutput
{
    public ConcurrentQueue<string> Notes { get; } = new();

    public IOutputSink OpenWriter() => new NullSink();

    public void WriteNote(string line) => Notes.Enqueue(line);

    public IReadOnlyList<string> RecentLines(int count) => Notes.TakeLast(count).ToList();

    private sealed class NullSink : IOutputSink
    {
        public void Write(ReadOnlySpan<byte> chunk)
        {
        }

        public void Complete()
        {
        }
    }
}

/// Health results are pushed by the test.
internal sealed class FakeHealthChecks : IHealthChecks
{
    private readonly ConcurrentDictionary<string, Action<HealthResult>> _watchers = new();

    public IDisposable Watch(ServiceConfig service, Action<HealthResult> onResult)
    {
        _watchers[service.Name] = onResult;
        return new Unwatch(() => _watchers.TryRemove(service.Name, out _));
    }

    public bool IsWatching(string name) => _watchers.ContainsKey(name);

    public void Report(string name, bool healthy) =>
        _watchers[name](new HealthResult(healthy, healthy ? "HTTP 200" : "connection refused", TimeSpan.FromMilliseconds(1)));

    private sealed class Unwatch(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

internal sealed class Harness : IAsyncDisposable
{
    public Harness()
    {
        Launcher = new FakeLauncher(Time);
        Store = new MemoryEventStore();
        Events = new EventLog(Store, Time);
        States = new ServiceStateStore(Events);
        Context = new SupervisorContext(Launcher, Events, States, Health, Time, () => 0.5, "proj", ImmutableDictionary<string, string>.Empty);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public FakeLauncher Launcher { get; }

    public FakeHealthChecks Health { get; } = new();

    public ServiceStateStore States { get; }

    public MemoryEventStore Store { get; }

    public EventLog Events { get; }

    public SupervisorContext Context { get; }

    public FakeOutput Output { get; } = new();

    public ServiceSupervisor Supervise(ServiceConfig config) => new(config, Context, Output);

    /// Completes when the named service publishes a snapshot matching the predicate (or already has).
    public Task<ServiceSnapshot> WaitFor(string name, Func<ServiceSnapshot, bool> predicate)
    {
        var tcs = new TaskCompletionSource<ServiceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(ServiceChange c)
        {
            if (c.Snapshot.Name == name && predicate(c.Snapshot) && tcs.TrySetResult(c.Snapshot))
            {
                States.Published -= Handler;
            }
        }

        States.Published += Handler;
        if (States.Get(name) is { } current && predicate(current) && tcs.TrySetResult(current))
        {
            States.Published -= Handler;
        }

        return tcs.Task;
    }

    public Task<ServiceSnapshot> WaitForState(string name, ServiceState state) => WaitFor(name, s => s.State == state);

    public List<AuroraEvent> EventsOf(string service) =>
        Store.ReadAfter(0, 100_000).Where(e => e.Service == service).ToList();

    public ValueTask DisposeAsync() => Events.DisposeAsync();
}

internal static class TestConfigs
{
    public static ServiceConfig Service(string name, RestartConfig? restart = null, HealthCheckConfig? health = null,
        ImmutableArray<Dependency> dependsOn = default, DependencyFailureAction onDependencyFailure = DependencyFailureAction.Stop) =>
        new(name, ["app", name], false, "/tmp", ImmutableSortedDictionary<string, string>.Empty, null, [],
            dependsOn.IsDefault ? [] : dependsOn, health, restart ?? RestartConfig.Default, StopConfig.Default,
            ResourceLimits.None, LogConfig.Default, onDependencyFailure, [], []);

    public static HealthCheckConfig Http(int retries = 3) =>
        new(HealthCheckKind.Http, "http://127.0.0.1:1/", [], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), retries, TimeSpan.Zero);
}
