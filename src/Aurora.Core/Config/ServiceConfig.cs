using System.Collections.Immutable;

namespace Aurora.Core.Config;

public sealed record ServiceConfig(
    string Name,
    ImmutableArray<string> Command,
    bool Shell,
    string WorkingDirectory,
    ImmutableSortedDictionary<string, string> Environment,
    string? EnvFile,
    ImmutableArray<int> Ports,
    ImmutableArray<Dependency> DependsOn,
    HealthCheckConfig? Health,
    RestartConfig Restart,
    StopConfig Stop,
    ResourceLimits Limits,
    LogConfig Logs,
    DependencyFailureAction OnDependencyFailure,
    ImmutableArray<string> Install,
    ImmutableArray<UserFix> Fixes,
    int? Umask = null)
{
    /// `ready:`: when the service counts as ready (a line of its output, or READY=1 on NOTIFY_SOCKET).
    public ReadinessConfig? Ready { get; init; }

    /// `success_exit_codes:`: exits that are a success (on-failure does not restart them; `completed` holds).
    public ImmutableArray<int> SuccessExitCodes { get; init; } = [0];

    /// `schedule:`: a one-shot run on time (cron or every), instead of starting with the stack.
    public ScheduleConfig? Schedule { get; init; }

    /// `watch:`: files whose change restarts the service.
    public WatchConfig? Watch { get; init; }

    /// `profiles:`: the service starts only when `up --profile` names one of them (empty: always).
    public ImmutableArray<string> Profiles { get; init; } = [];

    /// `replicas:` as declared (null when the key is absent: one instance under the service's own name).
    public int? Replicas { get; init; }

    /// For an instance NAME-i of a replicated service: NAME and i (1..N); null and 0 otherwise.
    public string? ReplicaOf { get; init; }

    public int ReplicaIndex { get; init; }

    /// Ports as declared when one holds `{replica}` ("80{replica}"); each instance gets them expanded into Ports.
    public ImmutableArray<string> PortTemplates { get; init; } = [];

    /// The name `depends_on`, status groups and `aurora restart NAME` use for this instance: its declared name.
    public string DeclaredName => ReplicaOf ?? Name;

    /// An exit code listed in success_exit_codes (a signal is never a success).
    public bool IsSuccess(Processes.ExitStatus status) => status.ExitCode is { } c && SuccessExitCodes.Contains(c);
}

/// `schedule: { cron: "*/5 * * * *", timezone: UTC }` or `{ every: 10m }`; AllowOverlap is `overlap: allow` (a run
/// due while the last one still runs starts when it ends, instead of being skipped). TimeZone null: the host's.
public sealed record ScheduleConfig(string? Cron, TimeSpan? Every, string? TimeZone, bool AllowOverlap);

/// `watch: { paths: ["src/**/*.py"], ignore: [], debounce: 500ms, cascade: false }`: globs relative to the project.
public sealed record WatchConfig(ImmutableArray<string> Paths, ImmutableArray<string> Ignore, TimeSpan Debounce, bool Cascade)
{
    public bool Equals(WatchConfig? other) => other is not null && Paths.SequenceEqual(other.Paths) && Ignore.SequenceEqual(other.Ignore)
        && Debounce == other.Debounce && Cascade == other.Cascade;

    public override int GetHashCode() => HashCode.Combine(Paths.Length, Debounce, Cascade);
}

/// `ready: { log: "REGEX", timeout: 30s }` or `ready: { notify: true, watchdog: 10s, timeout: 30s }`.
public sealed record ReadinessConfig(string? LogPattern, bool Notify, TimeSpan? Watchdog, TimeSpan Timeout)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}

public enum DependencyCondition { Started, Healthy, Completed, Ready, Exited }

public enum DependencyFailureAction { Stop, Keep, Restart }

public sealed record Dependency(string Service, DependencyCondition Condition);

public enum HealthCheckKind { Http, Tcp, Exec }

/// Target is the URL (http), "host:port" (tcp) or unused (exec, which uses ExecArgv).
public sealed record HealthCheckConfig(
    HealthCheckKind Kind,
    string Target,
    ImmutableArray<string> ExecArgv,
    TimeSpan Interval,
    TimeSpan Timeout,
    int Retries,
    TimeSpan StartPeriod);

public enum RestartPolicyKind { Always, OnFailure, Never }

public sealed record BackoffOptions(TimeSpan Initial, TimeSpan Max, double Multiplier, TimeSpan ResetAfter, double Jitter)
{
    public static readonly BackoffOptions Default =
        new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 2, TimeSpan.FromSeconds(60), 0.2);
}

public sealed record RestartLimit(int Count, TimeSpan Within)
{
    public static readonly RestartLimit Default = new(5, TimeSpan.FromSeconds(60));
}

public sealed record RestartConfig(RestartPolicyKind Policy, BackoffOptions Backoff, RestartLimit Limit)
{
    public static readonly RestartConfig Default = new(RestartPolicyKind.OnFailure, BackoffOptions.Default, RestartLimit.Default);
}

/// Signal is the Linux signal number; SignalName keeps the spelling for output ("SIGTERM").
public sealed record StopConfig(int Signal, string SignalName, TimeSpan Timeout)
{
    public static readonly StopConfig Default = new(15, "SIGTERM", TimeSpan.FromSeconds(10));
}

/// `limits:`. Memory is a hard cap on the whole tree (over it: killed, out_of_memory); CPU is % of one core, watched
/// for `For` (OnCpu: warn or restart); Pids is the most processes the tree may have.
public sealed record ResourceLimits(long? MemoryBytes, double? CpuPercent, TimeSpan For, CpuAction OnCpu = CpuAction.Warn, int? Pids = null)
{
    public static readonly ResourceLimits None = new(null, null, TimeSpan.FromSeconds(30));

    /// Any limit is set.
    public bool Any => MemoryBytes is not null || CpuPercent is not null || Pids is not null;
}

/// What `limits.on_cpu` does once the CPU has been over `limits.cpu` for `limits.for`.
public enum CpuAction
{
    /// Publish `resource.exceeded` only.
    Warn,

    /// Publish it and restart the service through its restart policy.
    Restart,
}

public sealed record LogConfig(long MaxSizeBytes, int Keep)
{
    public static readonly LogConfig Default = new(10 * 1024 * 1024, 5);
}

public sealed record UserFix(string Cause, ImmutableArray<string> Run, ImmutableArray<string> Touches, ImmutableArray<string> Verify);
