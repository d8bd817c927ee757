using System.Collections.Immutable;
using Aurora.Core.Config;

namespace Aurora.Porting.Export;

/// A health check as a command run inside the container (compose's healthcheck): exec as it is; http as
/// `wget -q -O /dev/null URL` and tcp as `nc -z HOST PORT`, which need wget and nc in the image (busybox and alpine
/// have both; said in the omissions).
internal static class HealthProbeCommand
{
    public static (ImmutableArray<string> Argv, string? Tool) Of(HealthCheckConfig health) => health.Kind switch
    {
        HealthCheckKind.Exec => (health.ExecArgv, null),
        HealthCheckKind.Http => (["wget", "-q", "-O", "/dev/null", health.Target], "wget"),
        _ => (["nc", "-z", .. HostPort(health.Target)], "nc"),
    };

    private static string[] HostPort(string target)
    {
        var colon = target.LastIndexOf(':');
        return [target[..colon].Trim('[', ']'), target[(colon + 1)..]];
    }
}
