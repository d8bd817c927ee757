using Aurora.Contracts.V1;
using Aurora.Core.Forecasting;
using Aurora.Daemon.Api;
using Aurora.Daemon.Http;

namespace Aurora.Daemon.Forecasting;

/// `GET /api/v1/predictions` (what `aurora ask "what will fail?"` reads), and the wire form of a prediction.
internal static class PredictionRoutes
{
    public static void Map(Router router, Forecaster forecaster, TimeProvider time) =>
        router.Get(ApiRoutes.Prefix + "/predictions", x =>
        {
            var now = time.GetUtcNow();
            var list = forecaster.AllActive().OrderBy(f => f.BreachAt).Select(f => ToDto(f, now) with { Service = f.Key.Service }).ToList();
            return x.JsonAsync(new PredictionListDto(list), AuroraJsonContext.Default.PredictionListDto);
        });

    /// The ETA as of `now`, from the breach time estimated when the trend was last judged.
    public static PredictionDto ToDto(Forecast f, DateTimeOffset now) =>
        new(f.Key.Resource.ToWire(), Math.Round(f.EtaAt(now), 1), f.Confidence, (long)f.Limit, (long)f.Current, f.BreachAt);
}
