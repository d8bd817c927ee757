using Aurora.Cli.Output;
using Aurora.Core.Config;

namespace Aurora.Cli.Commands;

/// Loads the config for `up` and `validate`; prints every problem as file:line:col: key: message.
internal static class ConfigGate
{
    public static AuroraConfig? Load(string path, bool printWarnings = true, IReadOnlyList<string>? profiles = null)
    {
        if (!File.Exists(path))
        {
            Terminal.Error($"{path}: no such file; create aurora.yaml (see README) or pass -f FILE");
            return null;
        }

        var result = ConfigLoader.Load(path, profiles: profiles);
        foreach (var d in result.Diagnostics.Where(d => printWarnings || !d.IsWarning))
        {
            Console.Error.WriteLine(d.IsWarning ? $"{d} (warning)" : d.ToString());
        }

        if (result.Config is null)
        {
            var errors = result.Diagnostics.Count(d => !d.IsWarning);
            Console.Error.WriteLine($"aurora: {Path.GetFileName(path)} has {errors} problem{(errors == 1 ? "" : "s")}; nothing was started or changed");
        }

        return result.Config;
    }
}
