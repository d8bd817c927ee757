using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Core.Reload;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

internal static class ReloadRoutes
{
    public static void Map(Router router, Reloader reloader) =>
        router.Post(ApiRoutes.Prefix + "/reload", async x =>
        {
            var outcome = await reloader.ReloadAsync(x.Request.QueryBool("dry_run") == true, x.Aborted);
            if (outcome.Plan is not { } plan)
            {
                await x.ErrorAsync(400, "config_invalid",
                    $"{ConfigLoader.Describe(reloader.ConfigFiles)} has {outcome.Errors.Length} problem(s); nothing was changed", outcome.Errors);
                return;
            }

            await x.JsonAsync(ToDto(plan, outcome.Applied) with { Files = reloader.ConfigFiles }, AuroraJsonContext.Default.ReloadDto);
        });

    private static ReloadDto ToDto(ReloadPlan plan, bool applied) => new(
        applied,
        plan.Added,
        plan.Removed,
        plan.Restarted.Select(c => new ServiceChangeDto(c.Service, c.Fields)).ToList(),
        plan.Updated.Select(c => new ServiceChangeDto(c.Service, c.Fields)).ToList(),
        plan.Unchanged,
        plan.NeedsDaemonRestart,
        plan.Settings);
}
