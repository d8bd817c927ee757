using Aurora.Contracts.V1;
using Aurora.Core.Incidents;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// `GET /api/v1/incidents/{id}`: one incident of the failure memory (cause, evidence, fixes, how often seen).
internal static class IncidentRoutes
{
    public static void Map(Router router, IFailureStore? store) =>
        router.Get(ApiRoutes.Prefix + "/incidents/{id}", async x =>
        {
            if (store is null)
            {
                await x.ErrorAsync(503, "history_unavailable", "this daemon keeps no failure memory");
                return;
            }

            var id = x.Route("id");
            if (await store.IncidentAsync(id, x.Aborted) is not { } incident)
            {
                await x.ErrorAsync(404, "incident_not_found", $"no incident \"{id}\"; ids look like inc-17 (`aurora history` lists them)");
                return;
            }

            await x.JsonAsync(ToDto(incident), AuroraJsonContext.Default.IncidentDto);
        });

    public static IncidentDto ToDto(IncidentRecord i) => new(i.Id, i.Service, i.Cause, i.Opened, i.Resolved, i.Evidence,
        [.. i.Fixes.Select(f => new FixDto(f.Fix, f.Outcome, f.Time))], i.Signature, i.Occurrences);
}
