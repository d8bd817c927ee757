using Aurora.Core.Config;

namespace Aurora.Daemon.Entry;

/// Loads the config (every `-f`, merged) for the commands that read it; prints every problem as
/// file:line:col: key: message.
public static class ConfigGate
{
    public static AuroraConfig? Load(IReadOnlyList<string> paths, bool printWarnings = true, IReadOnlyList<string>? profiles = null) =>
        Read(paths, printWarnings, profiles)?.Config;

    /// The whole result (the merged document too), or null when a file is missing.
    public static ConfigLoadResult? Read(IReadOnlyList<string> paths, bool printWarnings = true, IReadOnlyList<string>? profiles = null)
    {
        if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            Console.Error.WriteLine($"aurora: {missing}: no such file; create aurora.yaml (see README) or pass -f FILE");
            return null;
        }

        var result = ConfigLoader.Load(paths, profiles: profiles);
        foreach (var d in result.Diagnostics.Where(d => printWarnings || !d.IsWarning))
        {
            Console.Error.WriteLine(d.IsWarning ? $"{d} (warning)" : d.ToString());
        }

        if (result.Config is null)
        {
            var errors = result.Diagnostics.Count(d => !d.IsWarning);
            Console.Error.WriteLine($"aurora: {ConfigLoader.Describe(paths)} has {errors} problem{(errors == 1 ? "" : "s")}; nothing was started or changed");
        }

        return result;
    }
}
