using Aurora.Contracts.V1;
using Aurora.Core.Incidents;
using Aurora.Daemon.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aurora.Daemon.Api;

/// `GET /api/v1/history?q=&service=&cause=&since=&limit=`: the failure memory (SPEC §4 shape).
internal static class HistoryRoutes
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/history", (string? q, string? service, string? cause, string? since, int? limit, AuroraRuntime rt) =>
        {
            if (rt.Memory is not { } memory)
            {
                return ApiRoutes.Error(StatusCodes.Status503ServiceUnavailable, "history_unavailable", "this daemon keeps no failure memory");
            }

            if (!HistorySince.TryParse(since, rt.Time.GetUtcNow(), out var from))
            {
                return ApiRoutes.Error(StatusCodes.Status400BadRequest, "bad_since", $"since \"{since}\" is not understood; {HistorySince.AllowedForms}");
            }

            var query = new HistoryQuery(q, Blank(service), Blank(cause), from, Math.Clamp(limit ?? 50, 1, HistoryQuery.MaxLimit));
            var result = memory.Store.Query(query);
            var dto = new HistoryDto(result.Incidents.Select(ToDto).ToList(), result.Events.Select(DtoMapper.ToDto).ToList());
            return Results.Json(dto, AuroraJsonContext.Default.HistoryDto);
        });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IncidentDto ToDto(IncidentRecord i) => new(i.Id, i.Service, i.Cause, i.Opened, i.Resolved, i.Evidence,
        i.Fixes.Select(f => new FixDto(f.Fix, f.Outcome, f.Time)).ToList(), i.Signature, i.Occurrences);
}
