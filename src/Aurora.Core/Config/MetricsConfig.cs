namespace Aurora.Core.Config;

/// `metrics: { public: false }`: Public opens GET /metrics without the bearer token on the dashboard's TCP
/// listener, which must then be a loopback one; every other route still needs the token.
public sealed record MetricsConfig(bool Public)
{
    public static readonly MetricsConfig Default = new(false);
}
