using Aurora.Contracts.V1;
using Aurora.Core.Reload;
using Aurora.Daemon.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Aurora.Daemon.Api;

internal static class ReloadRoutes
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/reload", async ([FromQuery(Name = "dry_run")] bool? dryRun, AuroraRuntime rt, CancellationToken ct) =>
        {
            var outcome = await rt.Reloader.ReloadAsync(dryRun == true, ct);
            if (outcome.Plan is not { } plan)
            {
                return Results.Json(
                    ErrorDto.Of("config_invalid", $"{Path.GetFileName(rt.Config.FilePath)} has {outcome.Errors.Length} problem(s); nothing was changed", outcome.Errors),
                    AuroraJsonContext.Default.ErrorDto, statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(ToDto(plan, outcome.Applied), AuroraJsonContext.Default.ReloadDto);
        });

    private static ReloadDto ToDto(ReloadPlan plan, bool applied) => new(
        applied,
        plan.Added,
        plan.Removed,
        plan.Restarted.Select(c => new ServiceChangeDto(c.Service, c.Fields)).ToList(),
        plan.Updated.Select(c => new ServiceChangeDto(c.Service, c.Fields)).ToList(),
        plan.Unchanged,
        plan.NeedsDaemonRestart);
}
