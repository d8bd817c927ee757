using Aurora.Contracts.V1;
using Aurora.Daemon.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Aurora.Daemon.Api;

/// SPEC §7 control API. The same routes serve the unix socket and (later) the token-guarded TCP listener.
internal static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", (AuroraRuntime rt) => Results.Json(
            new HealthzDto("ok", Environment.ProcessId, rt.Paths.ProjectDirectory, Version,
                (long)(rt.Time.GetUtcNow() - rt.StartedAt).TotalMilliseconds),
            AuroraJsonContext.Default.HealthzDto));

        var api = app.MapGroup("/api/v1");
        ServiceRoutes.Map(api);
        EventRoutes.Map(api);
        ReloadRoutes.Map(api);
        HistoryRoutes.Map(api);
        api.MapPost("/shutdown", ShutdownAsync);
        api.MapFallback(() => Error(StatusCodes.Status404NotFound, "not_found", "no such API route; see SPEC §7"));
    }

    public static string Version { get; } =
        typeof(ApiRoutes).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static IResult Error(int status, string code, string message) =>
        Results.Json(ErrorDto.Of(code, message), AuroraJsonContext.Default.ErrorDto, statusCode: status);

    private static async Task<IResult> ShutdownAsync(AuroraRuntime rt, IHostApplicationLifetime lifetime, HttpContext http)
    {
        var errors = new List<string>();
        try
        {
            await rt.StopAllAsync();
        }
        catch (AggregateException ex)
        {
            errors.AddRange(ex.InnerExceptions.Select(e => e.Message));
        }

        await rt.Events.FlushAsync(http.RequestAborted);
        http.Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return Results.Json(new ShutdownDto(rt.Config.Services.Length, errors), AuroraJsonContext.Default.ShutdownDto);
    }
}
