using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Core.Insights;
using Aurora.Core.Insights.Editing;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// `GET /api/v1/insights`: advice from the failure memory and the resource minutes, for the config in force.
/// `POST /api/v1/insights/{id}/apply`: the proposal of that insight (as analysed now) applied as a transaction.
internal static class InsightRoutes
{
    public static void Map(Router router, InsightSource source, InsightApplier applier, Func<AuroraConfig> config)
    {
        router.Get(ApiRoutes.Prefix + "/insights", async x =>
        {
            var report = await source.InsightsAsync(config(), x.Aborted);
            await x.JsonAsync(ToDto(report), AuroraJsonContext.Default.InsightsDto);
        });

        router.Post(ApiRoutes.Prefix + "/insights/{id}/apply", async x =>
        {
            var id = x.Route("id");
            var running = config();
            var report = await source.InsightsAsync(running, x.Aborted);
            if (report.Insights.FirstOrDefault(i => i.Id == id) is not { } insight)
            {
                await x.ErrorAsync(404, "insight_not_found",
                    $"no insight \"{id}\" now; `aurora insights` lists the current ones (ids look like start-period:api)");
                return;
            }

            try
            {
                var outcome = await applier.ApplyAsync(insight, running, RequestSource.Of(x), x.Aborted);
                await x.JsonAsync(new InsightApplyDto(outcome.Id, outcome.Service, outcome.Applied, outcome.File, outcome.Diff, outcome.Detail, outcome.Backup),
                    AuroraJsonContext.Default.InsightApplyDto);
            }
            catch (InsightDeclinedException e)
            {
                await x.ErrorAsync(409, "insight_declined", $"{id}: {e.Message}; nothing was changed");
            }
        });
    }

    private static InsightsDto ToDto(InsightReport report) => new(
        [.. report.Insights.Select(i => new InsightDto(i.Id, i.Service, i.Kind, i.Summary, i.Evidence,
            i.Proposal is { } p ? new InsightProposalDto(p.KeyPath, p.File, p.Current, p.Proposed, p.Declined) : null))],
        new InsightWindowDto(report.Since, report.Events, report.Incidents, report.Minutes));
}
