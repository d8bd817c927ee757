using Aurora.Contracts.V1;
using Aurora.Daemon.Http;
using Aurora.Daemon.Resources;

namespace Aurora.Daemon.Api;

internal static class ResourceRoutes
{
    public static void Map(Router router, ResourceMonitor resources, TimeProvider time)
    {
        // The last `minutes` (1 to 5, default 5) of every service's samples, from the ring.
        router.Get(ApiRoutes.Prefix + "/resources", x =>
        {
            var minutes = Math.Clamp(x.Request.QueryInt("minutes") ?? 5, 1, 5);
            if (resources.Ring is not { } ring)
            {
                return x.JsonAsync(new ResourcesDto(null, []), AuroraJsonContext.Default.ResourcesDto);
            }

            var services = ring.Since(time.GetUtcNow() - TimeSpan.FromMinutes(minutes))
                .Select(s => new ServiceResourcesDto(s.Name, [.. s.Points.Select(p => new ResourcePointDto(p.UnixMs, p.CpuPercent, p.MemoryBytes))]))
                .ToList();
            return x.JsonAsync(new ResourcesDto((long)ring.Interval.TotalMilliseconds, services), AuroraJsonContext.Default.ResourcesDto);
        });
    }
}
