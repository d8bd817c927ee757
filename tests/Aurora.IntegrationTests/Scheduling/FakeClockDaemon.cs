using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Supervision;
using Aurora.Daemon.Api;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Daemon;
using Aurora.Layout;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.IntegrationTests.Scheduling;

/// The daemon's runtime (real supervisor, launcher, diagnoser, reloader) on a FakeTimeProvider: schedules come due
/// when the test advances the clock, and the processes they run are real.
internal sealed class FakeClockDaemon : IAsyncDisposable
{
    private readonly TestProject _project;
    private readonly MemoryEventStore _store;

    private FakeClockDaemon(TestProject project, FakeTimeProvider time, MemoryEventStore store, AuroraRuntime runtime, RunningDaemon daemon)
    {
        _project = project;
        _store = store;
        Time = time;
        Runtime = runtime;
        Daemon = daemon;
    }

    public FakeTimeProvider Time { get; }

    public AuroraRuntime Runtime { get; }

    /// For its event waits (WaitForEvent, WaitForEventAfter).
    public RunningDaemon Daemon { get; }

    public TestProject Project => _project;

    public static async Task<FakeClockDaemon> StartAsync(string yaml, DateTimeOffset now)
    {
        var project = TestProject.Create(yaml);
        var time = new FakeTimeProvider(now);
        var store = new MemoryEventStore();
        var runtime = new AuroraRuntime(project.LoadConfig(), new DaemonPaths(project.Dir), time, store, failures: null);
        var stop = new CancellationTokenSource();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stop.Token.Register(() => stopped.TrySetResult());
        var run = stopped.Task.ContinueWith(async _ =>
        {
            await runtime.StopAllAsync();
            await runtime.DisposeAsync();
        }, TaskScheduler.Default).Unwrap();
        var daemon = new RunningDaemon(runtime, run, stop);
        await runtime.StartAsync().DefaultTimeout();
        return new FakeClockDaemon(project, time, store, runtime, daemon);
    }

    public ServiceSupervisor Service(string name) => Runtime.Orchestrator.Find(name)!;

    /// `aurora start|stop|restart NAME`, as the control API carries it out.
    public Task Act(string name, ServiceAction action) => ((IServiceControl)Runtime).ActAsync(name, action, "cli");

    /// Returns once the service's loop has handled everything posted to it before (a timer that fired, say): its inbox
    /// is first in, first out, and a reconfigure to the same config changes nothing.
    public Task Barrier(string name) => Service(name).ReconfigureAsync(Service(name).Config).DefaultTimeout();

    public long Mark => Runtime.Events.LastCommittedSeq;

    public List<AuroraEvent> Events(string service, string type) =>
        [.. _store.ReadAfter(0, 100_000).Where(e => e.Service == service && e.Type == type)];

    public Task<AuroraEvent> Next(long after, string service, string type, Func<AuroraEvent, bool>? also = null) =>
        Daemon.WaitForEventAfter(after, e => e.Service == service && e.Type == type && (also?.Invoke(e) ?? true));

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        await _project.DisposeAsync();
    }
}
