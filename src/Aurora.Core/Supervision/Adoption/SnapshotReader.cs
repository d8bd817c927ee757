using System.Text.Json;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Reads back what SnapshotJson wrote under `data.service`: the fields a restored service keeps (state, restarts,
/// last exit, last cause, reason, next restart). Null for a snapshot this daemon cannot read.
public static class SnapshotReader
{
    public static ServiceSnapshot? Read(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object || Text(s, "name") is not { } name || Text(s, "state") is not { } wire
            || !Enum.TryParse<ServiceState>(wire, ignoreCase: true, out var state))
        {
            return null;
        }

        ExitStatus? exit = null;
        var ok = false;
        if (s.TryGetProperty("last_exit", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            int? code = e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
            var signal = Text(e, "signal") is { } sig ? Signals.Parse(sig) : null;
            exit = new ExitStatus(code, signal);
            ok = e.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True;
        }

        return new ServiceSnapshot(name, state, 0,
            Restarts: s.TryGetProperty("restarts", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : 0,
            LastCause: Text(s, "last_cause"), Reason: Text(s, "reason"), LastExit: exit, NextRestartAt: Time(s, "next_restart_at"))
        {
            LastExitOk = ok,
            Group = Text(s, "replica_of"),
            NextRunAt = Time(s, "next_run_at"),
        };
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Time(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : null;
}
