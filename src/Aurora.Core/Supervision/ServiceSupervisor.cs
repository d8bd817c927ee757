using System.Threading.Channels;
using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Logs;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Owns one service: its process, restarts, health and reaction to its dependencies.
/// One loop per service owns all state; everything else reaches it through the inbox.
public sealed partial class ServiceSupervisor : IAsyncDisposable
{
    private readonly Channel<SupervisorCommand> _inbox =
        Channel.CreateUnbounded<SupervisorCommand>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SupervisorContext _ctx;
    private readonly IServiceOutput _output;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _loop;
    private ServiceConfig _config;
    private ServiceSnapshot _snapshot;
    private RestartLimiter _limiter;

    // Loop-owned state.
    private IRunningProcess? _process;
    private int _generation;
    private bool _wanted;
    private int _attempt;
    private bool _everHealthy;
    private DrainTrackingSink? _writer;
    private readonly Dictionary<string, long> _seenVersions = [];
    private IDisposable? _healthWatch;
    private CancellationTokenSource? _backoff;
    private string? _killCause;
    private bool _restartOnRecovery;

    public ServiceSupervisor(ServiceConfig config, SupervisorContext ctx, IServiceOutput output)
    {
        _config = config;
        _ctx = ctx;
        _output = output;
        _limiter = new RestartLimiter(config.Restart.Limit);
        _snapshot = ServiceSnapshot.Initial(config.Name) with { Version = ctx.States.NextVersion() };
        _ctx.States.Publish(_snapshot);
        _loop = Task.Run(RunAsync);
    }

    public string Name => _config.Name;

    public ServiceConfig Config => Volatile.Read(ref _config);

    public ServiceSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public IServiceOutput Output => _output;

    /// Wants the service running: starts it now, or holds it pending until its dependencies allow.
    /// A manual start also lifts a quarantine.
    public Task StartAsync(bool manual = true) => Send(done => new SupervisorCommand.Start(done, manual));

    /// Stops the process tree (signal, grace, SIGKILL) and keeps it down.
    public Task StopAsync() => Send(done => new SupervisorCommand.Stop(done));

    public Task RestartAsync() => Send(done => new SupervisorCommand.Restart(done));

    public Task ReconfigureAsync(ServiceConfig config) => Send(done => new SupervisorCommand.Reconfigure(config, done));

    /// A dependency's state changed. Each change is handled in order with the dependency's state as it was
    /// then, so a quick bounce (stopping, starting, running) is not missed by looking only at the latest state.
    public void NotifyDependencyChanged(ServiceSnapshot dependency) =>
        _inbox.Writer.TryWrite(new SupervisorCommand.DependenciesChanged(dependency));

    private Task Send(Func<TaskCompletionSource, SupervisorCommand> make)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite(make(done)))
        {
            done.TrySetException(new ObjectDisposedException(nameof(ServiceSupervisor)));
        }

        return done.Task;
    }

    private async Task RunAsync()
    {
        await foreach (var command in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                await HandleAsync(command);
            }
            catch (Exception ex) when (!_shutdown.IsCancellationRequested)
            {
                // A bug in one transition must not kill the loop: record it and go on.
                _output.WriteNote($"[aurora] internal error: {ex.Message}");
                Complete(command, ex);
            }
        }
    }

    private async Task HandleAsync(SupervisorCommand command)
    {
        switch (command)
        {
            case SupervisorCommand.Start start:
                OnStart(start.Manual);
                start.Done.TrySetResult();
                break;
            case SupervisorCommand.Stop stop:
                await StopProcessAsync(ServiceState.Stopped, reason: null);
                stop.Done.TrySetResult();
                break;
            case SupervisorCommand.Restart restart:
                await StopProcessAsync(ServiceState.Stopped, reason: null);
                OnStart(manual: true);
                restart.Done.TrySetResult();
                break;
            case SupervisorCommand.Reconfigure reconfigure:
                OnReconfigure(reconfigure.Config);
                reconfigure.Done.TrySetResult();
                break;
            case SupervisorCommand.ProcessExited exited when exited.Generation == _generation:
                OnProcessExited(exited.Status);
                break;
            case SupervisorCommand.BackoffElapsed elapsed when elapsed.Generation == _generation:
                OnBackoffElapsed();
                break;
            case SupervisorCommand.HealthChanged health when health.Generation == _generation:
                OnHealthChanged(health);
                break;
            case SupervisorCommand.Diagnosed diagnosed:
                OnDiagnosed(diagnosed.Verdict);
                break;
            case SupervisorCommand.DependenciesChanged changed:
                await OnDependenciesChangedAsync(changed.Changed);
                break;
        }
    }

    private static void Complete(SupervisorCommand command, Exception ex)
    {
        var done = command switch
        {
            SupervisorCommand.Start s => s.Done,
            SupervisorCommand.Stop s => s.Done,
            SupervisorCommand.Restart s => s.Done,
            SupervisorCommand.Reconfigure s => s.Done,
            _ => null,
        };
        done?.TrySetException(ex);
    }

    /// Applies a reload in place: restart, stop, log and dependency settings take effect from the next
    /// decision; a running process keeps its pid and gets its (possibly new) health check re-armed.
    private void OnReconfigure(ServiceConfig config)
    {
        Volatile.Write(ref _config, config);
        _limiter.Limit = config.Restart.Limit;
        if (_process is not { } process)
        {
            return;
        }

        StopHealth();
        if (config.Health is not null)
        {
            StartHealth(process);
        }
        else if (_snapshot.State is ServiceState.Starting or ServiceState.Healthy or ServiceState.Unhealthy)
        {
            Publish(_snapshot with { State = ServiceState.Running, Health = HealthStatus.Unknown, HealthDetail = null }, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().WaitAsync(TimeSpan.FromMinutes(5));
        _shutdown.Cancel();
        _inbox.Writer.TryComplete();
        await _loop;
        _shutdown.Dispose();
    }
}
