using Aurora.Contracts.V1;
using Aurora.Core.Incidents;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// `GET /api/v1/history?q=&service=&cause=&since=&limit=`: the failure memory (SPEC §4 shape).
internal static class HistoryRoutes
{
    public static void Map(Router router, IFailureStore? store, TimeProvider time) =>
        router.Get(ApiRoutes.Prefix + "/history", async x =>
        {
            if (store is null)
            {
                await x.ErrorAsync(503, "history_unavailable", "this daemon keeps no failure memory");
                return;
            }

            var since = x.Request.Query("since");
            if (!HistorySince.TryParse(since, time.GetUtcNow(), out var from))
            {
                await x.ErrorAsync(400, "bad_since", $"since \"{since}\" is not understood; {HistorySince.AllowedForms}");
                return;
            }

            var limit = Math.Clamp(x.Request.QueryInt("limit") ?? 50, 1, HistoryQuery.MaxLimit);
            var query = new HistoryQuery(x.Request.Query("q"), Blank(x.Request.Query("service")), Blank(x.Request.Query("cause")), from, limit);
            var result = await store.QueryAsync(query, x.Aborted);
            var dto = new HistoryDto(result.Incidents.Select(ToDto).ToList(), result.Events.Select(DtoMapper.ToDto).ToList());
            await x.JsonAsync(dto, AuroraJsonContext.Default.HistoryDto);
        });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IncidentDto ToDto(IncidentRecord i) => new(i.Id, i.Service, i.Cause, i.Opened, i.Resolved, i.Evidence,
        i.Fixes.Select(f => new FixDto(f.Fix, f.Outcome, f.Time)).ToList(), i.Signature, i.Occurrences);
}
