using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aurora.Daemon.Hosting;

/// Long-lived requests (the event WebSocket, `logs?follow=true`) end when the daemon stops. Kestrel
/// does not abort them itself: it waits for them up to the host's shutdown timeout, so one open
/// dashboard or `aurora events -f` made `aurora down` hang for 30 s.
internal static class StoppingAbortsRequests
{
    public static void Use(WebApplication app)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.Use(async (http, next) =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
            http.RequestAborted = linked.Token;
            await next(http);
        });
    }
}
