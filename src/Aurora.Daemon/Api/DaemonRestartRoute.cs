using Aurora.Contracts.V1;
using Aurora.Daemon.Hosting;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Api;

/// `POST /api/v1/daemon/restart`: answers with this daemon's healthz (status "restarting"), then the daemon lets go
/// of its services and re-executes its binary, which adopts them. A daemon without a holder (hosted in a test
/// process) would take its services with it, so it refuses (409).
internal static class DaemonRestartRoute
{
    public static void Map(Router router, AuroraRuntime rt, Action? replace) =>
        router.Post(ApiRoutes.Prefix + "/daemon/restart", async x =>
        {
            if (replace is null)
            {
                await x.ErrorAsync(409, "no_holder", "this daemon runs without a holder, so its services would stop with it; " +
                    "`aurora down` then `aurora up -d` restarts it with them");
                return;
            }

            x.OnCompleted(replace);
            await x.JsonAsync(new HealthzDto("restarting", Environment.ProcessId, rt.Paths.ProjectDirectory, ApiRoutes.Version,
                (long)(rt.Time.GetUtcNow() - rt.StartedAt).TotalMilliseconds, rt.Config.Files), AuroraJsonContext.Default.HealthzDto);
        });
}
