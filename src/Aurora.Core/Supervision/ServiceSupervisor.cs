using System.Threading.Channels;
using Aurora.Core.Config;
using Aurora.Core.Logs;

namespace Aurora.Core.Supervision;

/// Owns one service. A thin loop: it takes inputs from the inbox one at a time, asks Transitions.Decide what
/// they mean, and carries out the effects (spawn, signal, timers, health watch, publish). All the rules are in
/// Transitions; all the resources (process, timer, health watch, output sink) are here.
public sealed partial class ServiceSupervisor : IAsyncDisposable
{
    private readonly Channel<Message> _inbox =
        Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SupervisorContext _ctx;
    private readonly IServiceOutput _output;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _loop;
    private ServiceConfig _config;
    private SupervisorState _state;
    private ServiceSnapshot _published;

    /// Who asked for the message being handled, if someone did: every event it causes names them.
    private string? _source;

    /// announce: a service a reload added, announced with `service.added` (see ServiceStateStore.Add).
    public ServiceSupervisor(ServiceConfig config, SupervisorContext ctx, IServiceOutput output, bool announce = false)
    {
        _config = config;
        _ctx = ctx;
        _output = output;
        _published = ctx.States.Add(ServiceSnapshot.Initial(config.Name) with { Group = config.ReplicaOf }, announce);
        _state = SupervisorState.Initial(config.Name) with { Service = _published };
        _loop = Task.Run(RunAsync);
    }

    public string Name => _config.Name;

    public ServiceConfig Config => Volatile.Read(ref _config);

    public ServiceSnapshot Snapshot => Volatile.Read(ref _published);

    public IServiceOutput Output => _output;

    /// Wants the service running: starts it now, or holds it pending until its dependencies allow.
    /// A manual start also lifts a quarantine.
    /// source: who asked (SPEC §5 data.source), named on the events the request causes.
    public Task StartAsync(bool manual = true, string? source = null) => Send(new SupervisorInput.Start(manual), source);

    /// Stops the process tree (signal, grace, SIGKILL) and keeps it down.
    public Task StopAsync(string? source = null) => Send(new SupervisorInput.Stop(), source);

    public Task RestartAsync(string? source = null) => Send(new SupervisorInput.Restart(), source);

    public Task ReconfigureAsync(ServiceConfig config) => Send(new SupervisorInput.Reconfigure(config));

    /// A dependency's state changed. Each change is handled in order with the dependency's state as it was
    /// then, so a quick bounce (stopping, starting, running) is not missed by looking only at the latest state.
    public void NotifyDependencyChanged(ServiceSnapshot dependency) => Post(new SupervisorInput.DependencyChanged(dependency));

    private void Post(SupervisorInput input) => _inbox.Writer.TryWrite(new Message(input, null, null));

    private Task Send(SupervisorInput input, string? source = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_inbox.Writer.TryWrite(new Message(input, done, source)))
        {
            done.TrySetException(new ObjectDisposedException(nameof(ServiceSupervisor)));
        }

        return done.Task;
    }

    private async Task RunAsync()
    {
        await foreach (var message in _inbox.Reader.ReadAllAsync())
        {
            try
            {
                _source = message.Source;
                await ApplyAsync(message.Input);
                message.Done?.TrySetResult();
            }
            catch (Exception ex) when (!_shutdown.IsCancellationRequested)
            {
                // A bug in one transition must not kill the loop: record it and go on.
                _output.WriteNote($"[aurora] internal error: {ex.Message}");
                message.Done?.TrySetException(ex);
            }
            finally
            {
                _source = null;
            }
        }
    }

    /// Decides the input and carries out its effects; an effect's answer (Spawned, StopCompleted…) is decided
    /// next, before anything else in the inbox.
    private async Task ApplyAsync(SupervisorInput input)
    {
        SupervisorInput? next = input;
        while (next is not null)
        {
            var decision = Transitions.Decide(_state, next, _config, _ctx.Time.GetUtcNow(), _ctx.Random());
            _state = decision.State;
            if (next is SupervisorInput.Reconfigure reconfigure)
            {
                Volatile.Write(ref _config, reconfigure.Config);
            }

            next = null;
            foreach (var effect in decision.Effects)
            {
                next = await RunAsync(effect) ?? next;
            }
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

    private sealed record Message(SupervisorInput Input, TaskCompletionSource? Done, string? Source);
}
