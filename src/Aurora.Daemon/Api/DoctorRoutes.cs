using Aurora.Contracts.V1;
using Aurora.Core.Config;
using Aurora.Daemon.Http;
using Aurora.Layout;

namespace Aurora.Daemon.Api;

/// `GET /api/v1/doctor`: the doctor's findings for the config in force, with the environment the daemon gives
/// its services.
internal static class DoctorRoutes
{
    public static void Map(Router router, Func<AuroraConfig> config) =>
        router.Get(ApiRoutes.Prefix + "/doctor", async x =>
        {
            var current = config();
            var report = await Task.Run(() => HostDoctor.For(current).Run(current), x.Aborted);
            await x.JsonAsync(HostDoctor.ToDto(report), AuroraJsonContext.Default.DoctorDto);
        });
}
