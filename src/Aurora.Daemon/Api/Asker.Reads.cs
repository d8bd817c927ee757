using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Ask;
using Aurora.Core.Incidents;
using Aurora.Core.Supervision;

namespace Aurora.Daemon.Api;

/// The read-only intents: status, logs, why, past fixes, forecasts. They answer at once.
internal sealed partial class Asker
{
    /// Errors only reads this far back for the lines asked for.
    private const int ErrorScanLines = 5000;

    private AskResultDto Status(Intent intent)
    {
        var now = time.GetUtcNow();
        var rows = (intent.All ? services.Names : intent.Services).Select(services.Current).OfType<ServiceSnapshot>()
            .Select(s => DtoMapper.ToDto(s, now, null)).ToList();
        var text = rows.Select(r =>
            $"{r.Name}: {r.State}" + (r.Pid is { } pid ? $", pid {pid}" : "") + (r.UptimeMs is { } up ? $", up {Uptime(up)}" : "")
            + $", {r.Restarts} restart{(r.Restarts == 1 ? "" : "s")}" + (r.LastCause is { } c ? $", last cause {c}" : "") + (r.Reason is { } why ? $" ({why})" : ""));
        return new AskResultDto(true, rows.Count == 0 ? "no services are configured" : string.Join('\n', text), Services: rows);
    }

    private static string Uptime(long ms)
    {
        var d = TimeSpan.FromMilliseconds(ms);
        return d.TotalHours >= 1 ? $"{(int)d.TotalHours}h{d.Minutes:00}m" : d.TotalMinutes >= 1 ? $"{d.Minutes}m{d.Seconds:00}s" : $"{d.Seconds}s";
    }

    private AskResultDto Logs(Intent intent)
    {
        var name = intent.Service!;
        if (services.LogOf(name) is not { } log)
        {
            return new AskResultDto(false, $"no service named {name}");
        }

        var n = intent.Lines ?? Intent.DefaultLines;
        var lines = intent.ErrorsOnly ? log.Tail(ErrorScanLines).Where(ErrorLines.IsError).TakeLast(n).ToList() : log.Tail(n).ToList();
        var note = intent.Since is null ? "" : " (log lines carry no time: these are the last ones, whatever their age)";
        var head = lines.Count == 0
            ? intent.ErrorsOnly ? $"no error lines in the last {ErrorScanLines} lines of {name}" : $"{name} has logged nothing yet"
            : $"the last {lines.Count} {(intent.ErrorsOnly ? "error " : "")}line{(lines.Count == 1 ? "" : "s")} of {name}{note}:";
        return new AskResultDto(true, string.Join('\n', [head, .. lines]), Lines: lines);
    }

    private async Task<AskResultDto> WhyAsync(Intent intent, CancellationToken ct)
    {
        if (store is null)
        {
            return NoMemory();
        }

        var found = await store.QueryAsync(Query(intent, 50), ct);
        var text = AskText.Why(intent, found.Incidents);
        if (intent.Service is { } name && services.Current(name) is { } now)
        {
            text += $"\nnow: {now.State.ToWire()}" + (now.LastCause is { } c ? $", last cause {c}" : "");
        }

        return new AskResultDto(true, text, Incidents: [.. found.Incidents.Take(AskText.ShownIncidents).Select(IncidentRoutes.ToDto)]);
    }

    private async Task<AskResultDto> PastFixesAsync(Intent intent, CancellationToken ct)
    {
        if (store is null)
        {
            return NoMemory();
        }

        var found = await store.QueryAsync(Query(intent, HistoryQuery.MaxLimit), ct);
        var tallies = FixTally.Of(found.Incidents);
        return new AskResultDto(true, AskText.PastFixes(intent, tallies),
            Fixes: [.. tallies.Select(t => new PastFixDto(t.Cause, t.Fix, t.Verified, t.RolledBack, t.Other, t.Last))]);
    }

    /// Forecasts come from `GET /api/v1/predictions`, which another part of the daemon serves once it exists.
    private async Task<AskResultDto> ForecastAsync(CancellationToken ct)
    {
        var (status, body) = await loopback.SendAsync(HttpMethod.Get, ApiRoutes.Prefix + "/predictions", ct);
        if (status == 404)
        {
            return new AskResultDto(false, "this daemon cannot forecast failures yet: it has no GET /api/v1/predictions (a newer Aurora has)");
        }

        if (status is < 200 or > 299)
        {
            return new AskResultDto(false, $"the forecasts could not be read: HTTP {status}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var items = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement
            : json.RootElement.TryGetProperty("predictions", out var p) && p.ValueKind == JsonValueKind.Array ? p : default;
        var text = items.ValueKind == JsonValueKind.Array
            ? items.GetArrayLength() == 0 ? "no failure is forecast" : string.Join('\n', items.EnumerateArray().Select(i => i.GetRawText()))
            : body;
        return new AskResultDto(true, text, Forecasts: json.RootElement.Clone());
    }
}
