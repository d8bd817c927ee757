using System.Buffers;
using System.Text.Json;
using Aurora.Core.Health;

namespace Aurora.Core.Supervision;

/// A snapshot as it travels in `data.service` (SPEC §5): the shape of Contracts' ServiceSnapshotDto, written
/// by hand so Core needs no wire types (a test holds the two together).
public static class SnapshotJson
{
    public static JsonElement Write(ServiceSnapshot s)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("state", s.State.ToWire());
            w.WriteNumber("version", s.Version);
            Number(w, "pid", s.Pid);
            if (s.StartedAt is { } started && s.Pid is not null)
            {
                w.WriteString("started_at", started);
            }
            else
            {
                w.WriteNull("started_at");
            }

            w.WriteNumber("restarts", s.Restarts);
            if (s.Group is { } group)
            {
                w.WriteString("replica_of", group);
            }

            w.WriteBoolean("ready", s.Ready);
            Text(w, "status_text", s.StatusText);
            w.WriteString("health", HealthName(s.Health));
            Text(w, "health_detail", s.HealthDetail);
            Text(w, "last_cause", s.LastCause);
            Text(w, "reason", s.Reason);
            if (s.LastExit is { } exit)
            {
                w.WriteStartObject("last_exit");
                Number(w, "code", exit.ExitCode);
                Text(w, "signal", exit.SignalName);
                w.WriteBoolean("success", s.LastExitOk);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("last_exit");
            }

            if (s.NextRunAt is { } run)
            {
                w.WriteString("next_run_at", run);
            }

            if (s.NextRestartAt is { } at)
            {
                w.WriteString("next_restart_at", at);
            }
            else
            {
                w.WriteNull("next_restart_at");
            }

            w.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    public static string HealthName(HealthStatus health) => health switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Unhealthy => "unhealthy",
        _ => "unknown",
    };

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
