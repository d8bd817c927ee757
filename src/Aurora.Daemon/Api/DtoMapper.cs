using Aurora.Contracts.V1;
using Aurora.Core;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Api;

/// Domain → wire. Secrets are redacted here, on the way out.
internal static class DtoMapper
{
    public static ServiceDto ToDto(ServiceSnapshot s, DateTimeOffset now, (double Cpu, long Rss)? usage) => new(
        s.Name,
        s.State.ToWire(),
        s.Pid,
        s.Pid is not null && s.StartedAt is { } started ? (long)(now - started).TotalMilliseconds : null,
        s.Restarts,
        SnapshotJson.HealthName(s.Health),
        usage?.Cpu,
        usage?.Rss,
        s.LastCause,
        s.Reason,
        s.HealthDetail,
        s.LastExit is { } e ? new ExitDto(e.ExitCode, e.SignalName, s.LastExitOk) : null,
        s.NextRestartAt,
        s.Version,
        s.Pid is not null ? s.StartedAt : null,
        s.Group,
        s.Ready,
        s.StatusText,
        s.NextRunAt);

    /// `limits:` as status shows them beside the usage; every field null when unset.
    public static LimitsDto ToDto(ResourceLimits? l) => new(l?.MemoryBytes, l?.CpuPercent, l?.Pids);

    public static ServiceDetailDto ToDetail(ServiceDto row, ServiceConfig c, string logFile) => new(
        row,
        c.Command,
        c.WorkingDirectory,
        c.Environment.ToDictionary(kv => kv.Key, kv => Secrets.Redact(kv.Key, kv.Value)),
        c.Ports,
        c.DependsOn.Select(d => $"{d.Service}: {d.Condition.ToString().ToLowerInvariant()}").ToList(),
        c.Restart.Policy switch { RestartPolicyKind.Always => "always", RestartPolicyKind.Never => "never", _ => "on-failure" },
        logFile);

    public static EventDto ToDto(AuroraEvent e) => new(e.Seq, e.Time, e.Type, e.Service, e.Data);
}
