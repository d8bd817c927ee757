using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Carrying out what Transitions decided. Only the loop calls these.
public sealed partial class ServiceSupervisor
{
    private static readonly TimeSpan DrainWait = TimeSpan.FromMilliseconds(500);

    private IRunningProcess? _process;
    private DrainTrackingSink? _writer;
    private IDisposable? _healthWatch;
    private CancellationTokenSource? _backoff;
    private CancellationTokenSource? _probe;
    private CancellationTokenSource? _schedule;

    /// The monotonic time of the current process's spawn (uptime that a wall clock set back cannot make negative);
    /// null for an adopted process, whose start only the wall clock knows.
    private long? _spawnStamp;
    private NotifyWatch? _notify;
    private readonly Dictionary<Deadline, CancellationTokenSource> _deadlines = [];

    /// How often an address a service waits for is tried: 0.5 s, 1, 2, 4, then every 5 s.
    private static readonly Config.BackoffOptions ProbeEvery = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), 2, TimeSpan.Zero, 0);

    /// Runs one effect; returns the input it answers with, if any.
    private async Task<SupervisorInput?> RunAsync(SupervisorEffect effect)
    {
        switch (effect)
        {
            case SupervisorEffect.Publish publish:
                Publish(publish);
                return null;
            case SupervisorEffect.Note note:
                _output.WriteNote(note.Text);
                return null;
            case SupervisorEffect.Spawn spawn:
                return await SpawnAsync(spawn.Generation);
            case SupervisorEffect.Attach attach:
                Attach(attach.Generation);
                return null;
            case SupervisorEffect.Signal signal:
                _process?.Signal(signal.Number);
                return null;
            case SupervisorEffect.StopProcess stop:
                var stamp = _spawnStamp;
                return new SupervisorInput.StopCompleted(await StopProcessAsync(stop), stamp is { } s ? _ctx.Time.GetElapsedTime(s) : null);
            case SupervisorEffect.WatchHealth watch:
                WatchHealth(watch.Generation);
                return null;
            case SupervisorEffect.UnwatchHealth:
                _healthWatch?.Dispose();
                _healthWatch = null;
                return null;
            case SupervisorEffect.ArmBackoff arm:
                ArmBackoff(arm.Delay, arm.Generation);
                return null;
            case SupervisorEffect.CancelBackoff:
                CancelBackoff();
                return null;
            case SupervisorEffect.Diagnose diagnose:
                Diagnose(diagnose);
                return null;
            case SupervisorEffect.UnwatchReadiness:
                _notify?.Dispose();
                _notify = null;
                CancelDeadlines();
                return null;
            case SupervisorEffect.ArmDeadline deadline:
                ArmDeadline(deadline);
                return null;
            case SupervisorEffect.ArmSchedule schedule:
                ArmSchedule(schedule);
                return null;
            case SupervisorEffect.CancelSchedule:
                _schedule?.Cancel();
                _schedule?.Dispose();
                _schedule = null;
                return null;
            case SupervisorEffect.ProbeAddress probe:
                StartProbe(probe.Address, probe.Generation);
                return null;
            case SupervisorEffect.CancelProbe:
                CancelProbe();
                return null;
            default:
                throw new InvalidOperationException($"unknown effect {effect}");
        }
    }

    /// The stop always ends with the process gone and its exit known: a stop that throws (a cgroup write the kernel
    /// refused) falls back to SIGKILL of the group and the reaper's answer, so the machine never waits in
    /// `stopping` for a process nobody holds.
    private async Task<ExitStatus> StopProcessAsync(SupervisorEffect.StopProcess stop)
    {
        var process = _process!;
        try
        {
            return await process.StopAsync(stop.Number, stop.Grace, CancellationToken.None);
        }
        catch (Exception ex) when (!_shutdown.IsCancellationRequested)
        {
            _output.WriteNote($"[aurora] stop of pid {process.Pid} failed ({ex.Message}); killing it");
            process.Signal(Signals.SIGKILL);
            return await process.Exited;
        }
        finally
        {
            _process = null;
        }
    }

    private void Publish(SupervisorEffect.Publish publish)
    {
        var data = ToEventData(publish.Data);
        if (_source is not null)
        {
            data.Add("source", _source);
        }

        var next = _ctx.States.Publish(publish.Snapshot, publish.Type, data);
        _state = _state with { Service = next };
        Volatile.Write(ref _published, next);
    }

    private async Task<SupervisorInput> SpawnAsync(int generation)
    {
        var config = _config;
        _writer = new DrainTrackingSink(ReadinessSink(_output.OpenWriter(), config, generation));
        var env = _ctx.BaseEnvironment.SetItems(config.Environment);
        if (config.Ready is { Notify: true } ready)
        {
            // The service's own NOTIFY_SOCKET, one per process, as systemd gives one to a Type=notify unit.
            _notify?.Dispose();
            _notify = new NotifyWatch($"aurora/{_ctx.ProjectId}/{config.Name}/{generation}", m => OnNotify(generation, m));
            env = env.SetItem(Notify.NotifyVariables.Socket, _notify.Address);
            if (ready.Watchdog is { } watchdog)
            {
                env = env.SetItem(Notify.NotifyVariables.WatchdogUsec, ((long)watchdog.TotalMicroseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var spec = new ProcessSpec(config.Command, config.WorkingDirectory, env, $"{_ctx.ProjectId}/{config.Name}", _writer, config.Umask)
        {
            Memo = Memo(config),
        };
        IRunningProcess process;
        try
        {
            process = await _ctx.Launcher.StartAsync(spec);
        }
        catch (ProcessSpawnException ex)
        {
            return new SupervisorInput.SpawnFailed(ex.ExitCode, ex.Message);
        }

        _process = process = Limited(config, process);
        var stamp = _ctx.Time.GetTimestamp();
        _spawnStamp = stamp;
        WatchExit(process, generation, stamp);
        return new SupervisorInput.Spawned(process.Pid, process.StartTicks, process.StartedAt);
    }

    private void WatchHealth(int generation)
    {
        _healthWatch?.Dispose();
        var tracker = new HealthTracker(_config.Health!, _published.StartedAt ?? _ctx.Time.GetUtcNow());

        // Results are observed where they arrive (the scheduler delivers one service's results one at a
        // time, in order); the loop hears only of a change of status. With 200 services checked every
        // second, a wake of every loop for each steady result was most of the checks' cost.
        _healthWatch = _ctx.Health.Watch(_config, r =>
        {
            var status = tracker.Observe(r, _ctx.Time.GetUtcNow());
            if (tracker.Changed)
            {
                Post(new SupervisorInput.HealthChanged(generation, r, status, tracker.ConsecutiveFailures));
            }
        });
    }

    private void ArmBackoff(TimeSpan delay, int generation)
    {
        CancelBackoff();
        var cts = _backoff = new CancellationTokenSource();
        _ = Task.Delay(delay, _ctx.Time, cts.Token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    Post(new SupervisorInput.BackoffElapsed(generation));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void CancelBackoff()
    {
        _backoff?.Cancel();
        _backoff?.Dispose();
        _backoff = null;
    }

    /// ready.log: the output passes through a line matcher until a line matches (then the loop hears Ready). Set up
    /// at the spawn, before the process can print anything; ready.notify's socket likewise.
    private IOutputSink ReadinessSink(IOutputSink inner, Config.ServiceConfig config, int generation) =>
        config.Ready?.LogPattern is { } pattern
            ? new ReadyLineSink(inner, new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant,
                TimeSpan.FromMilliseconds(100)), () => Post(new SupervisorInput.Ready(generation)))
            : inner;

    private void OnNotify(int generation, Notify.NotifyMessage m)
    {
        if (m.Status is { } status)
        {
            Post(new SupervisorInput.NotifyStatus(generation, status));
        }

        if (m.Ready)
        {
            Post(new SupervisorInput.Ready(generation));
        }

        if (m.Watchdog)
        {
            Post(new SupervisorInput.WatchdogPing(generation));
        }
    }

    /// One timer for the next run; a ScheduleDue from a replaced timer is stale (its token is not the newest).
    private void ArmSchedule(SupervisorEffect.ArmSchedule schedule)
    {
        _schedule?.Cancel();
        _schedule?.Dispose();
        var cts = _schedule = new CancellationTokenSource();
        _ = Scheduling.ScheduleWait.UntilAsync(schedule.At, _ctx.Time, cts.Token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    Post(new SupervisorInput.ScheduleDue(schedule.Token));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void ArmDeadline(SupervisorEffect.ArmDeadline deadline)
    {
        if (_deadlines.Remove(deadline.Kind, out var old))
        {
            old.Cancel();
            old.Dispose();
        }

        var cts = _deadlines[deadline.Kind] = new CancellationTokenSource();
        _ = Task.Delay(deadline.Delay, _ctx.Time, cts.Token).ContinueWith(
            t =>
            {
                if (!t.IsCanceled)
                {
                    Post(new SupervisorInput.DeadlinePassed(deadline.Generation, deadline.Kind, deadline.Token));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void CancelDeadlines()
    {
        foreach (var cts in _deadlines.Values)
        {
            cts.Cancel();
            cts.Dispose();
        }

        _deadlines.Clear();
    }

    /// Tries the address until it answers (a real TCP connect, the health checks' probe), then tells the loop.
    private void StartProbe(string address, int generation)
    {
        CancelProbe();
        var cts = _probe = new CancellationTokenSource();
        var probe = new TcpProbe(address, TimeSpan.FromSeconds(1), _ctx.Time);
        _ = Task.Run(async () =>
        {
            try
            {
                for (var attempt = 1; !cts.IsCancellationRequested; attempt++)
                {
                    if ((await probe.CheckAsync(cts.Token)).Healthy)
                    {
                        Post(new SupervisorInput.AddressAnswered(generation, address));
                        return;
                    }

                    await Task.Delay(Backoff.Next(attempt, ProbeEvery, () => 0.5), _ctx.Time, cts.Token);
                }
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
            }
        });
    }

    private void CancelProbe()
    {
        _probe?.Cancel();
        _probe?.Dispose();
        _probe = null;
    }

    /// Classifies off the loop, after the last output has arrived (bounded), so a restart is never delayed by it.
    private void Diagnose(SupervisorEffect.Diagnose diagnose)
    {
        if (_ctx.Diagnoser is not { } diagnoser)
        {
            return;
        }

        var drained = diagnose.WaitForOutput ? _writer?.Drained ?? Task.CompletedTask : Task.CompletedTask;
        var secrets = SecretValues(_config);
        _ = Task.Run(async () =>
        {
            await drained.WaitAsync(DrainWait, _ctx.Time).ContinueWith(_ => { }, TaskScheduler.Default);
            var lines = _output.RecentLines(50).Select(l => Secrets.Scrub(l, secrets));
            var verdict = diagnoser.Diagnose(diagnose.Failure with { RecentLines = [.. lines] });
            Post(new SupervisorInput.Diagnosed(WithDoctor(verdict)));
        });
    }

    /// A diagnosis of the service as it is now, off the loop (`aurora heal`): its last exit if no process runs,
    /// its health if one does, and its newest output. Unknown when no diagnoser is configured.
    public Diagnosis.Diagnosis DiagnoseNow()
    {
        var (snapshot, config) = (Snapshot, Config);
        var running = snapshot.Pid is not null;
        var failure = new FailureContext(config.Name, running ? null : snapshot.LastExit,
            running && snapshot.StartedAt is { } at ? _ctx.Time.GetUtcNow() - at : TimeSpan.Zero,
            [.. _output.RecentLines(50).Select(l => Secrets.Scrub(l, SecretValues(config)))], config.Ports,
            HealthDetail: snapshot.Health == HealthStatus.Unhealthy ? snapshot.HealthDetail : null,
            RestartLimitReached: snapshot.State == ServiceState.Failed,
            DependencyDown: snapshot.State == ServiceState.Degraded ? snapshot.Reason : null,
            MemoryLimitBytes: config.Limits.MemoryBytes, Pid: snapshot.Pid);
        var verdict = _ctx.Diagnoser?.Diagnose(failure)
            ?? new Diagnosis.Diagnosis(Causes.Unknown, 0.1, [], $"{config.Name}: no diagnoser configured");
        return WithDoctor(verdict);
    }

    /// A diagnosis names the doctor's finding that explains it, when a check finds one now ("api: command
    /// `gunicorn` is not on PATH; fix: pip install gunicorn").
    private Diagnosis.Diagnosis WithDoctor(Diagnosis.Diagnosis verdict)
    {
        if (_ctx.Explain?.Invoke(_config.Name, verdict.Cause) is not { } finding)
        {
            return verdict;
        }

        var line = $"doctor: {finding.Check}: {finding.Message}{(finding.Fix is { } fix ? $" (fix: {fix})" : "")}";
        return verdict with { Evidence = verdict.Evidence.Add(line), Summary = $"{verdict.Summary}; {line}" };
    }

    /// The secret values to scrub from this service's output: its own and those it inherits from the daemon.
    private IReadOnlyList<string> SecretValues(Config.ServiceConfig config) => Secrets.ValuesOf(_ctx.BaseEnvironment.SetItems(config.Environment));

    private static EventData ToEventData(EventFields fields)
    {
        var data = new EventData();
        foreach (var (name, value) in fields.Items)
        {
            _ = value switch
            {
                null => data.Add(name, (string?)null),
                string s => data.Add(name, s),
                int i => data.Add(name, i),
                long l => data.Add(name, l),
                bool b => data.Add(name, b),
                double x => data.Add(name, x),
                ImmutableArray<string> list => data.Add(name, list),
                IEnumerable<string> list => data.Add(name, list),
                _ => throw new InvalidOperationException($"event field {name} has an unsupported type {value.GetType().Name}"),
            };
        }

        return data;
    }
}
