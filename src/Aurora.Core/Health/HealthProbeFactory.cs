using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Processes;

namespace Aurora.Core.Health;

public static class HealthProbeFactory
{
    /// cwd and env are the service's own: an exec check runs where and as the service does.
    /// time only measures HealthResult.Duration; the timeout is the token the caller passes to CheckAsync.
    public static IHealthProbe Create(
        HealthCheckConfig cfg,
        string cwd,
        IReadOnlyDictionary<string, string> env,
        IProcessLauncher launcher,
        TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return cfg.Kind switch
        {
            HealthCheckKind.Http => new HttpProbe(new Uri(cfg.Target, UriKind.Absolute), cfg.Timeout, time),
            HealthCheckKind.Tcp => new TcpProbe(cfg.Target, cfg.Timeout, time),
            HealthCheckKind.Exec => new ExecProbe(cfg.ExecArgv, cwd, env.ToImmutableDictionary(), launcher, cfg.Timeout, time),
            _ => throw new ArgumentOutOfRangeException(nameof(cfg), cfg.Kind, "unknown health check kind"),
        };
    }
}
