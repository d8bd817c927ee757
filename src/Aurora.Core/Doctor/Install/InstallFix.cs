using Aurora.Core.Config;

namespace Aurora.Core.Doctor.Install;

/// The command that would bring an install back in line: the service's own `install` when it has one, else the
/// tool's usual one, run in the service's working directory.
internal static class InstallFix
{
    public static string For(AuroraConfig config, ServiceConfig service, string conventional) =>
        service.Install.Length > 0
            ? $"run the service's install: {DoctorText.Argv(service.Install)} (in {DoctorText.Relative(config, service.WorkingDirectory)})"
            : $"run `{conventional}` in {DoctorText.Relative(config, service.WorkingDirectory)}, or set services.{service.Name}.install so fixes can run it";
}
