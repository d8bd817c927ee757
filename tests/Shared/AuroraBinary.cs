namespace Aurora.Tests;

/// The built `aurora` apphost (src/Aurora.Cli/bin/CONFIG/TFM/aurora), for tests that run the CLI for real.
/// Shared by the test projects (linked, not copied): the browser tests must not reference the integration
/// tests, which load Aurora's process reaper.
internal static class AuroraBinary
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    private static string Find()
    {
        var baseDir = AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var tfm = System.IO.Path.GetFileName(baseDir);
        var configuration = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(baseDir)!);
        for (var dir = new DirectoryInfo(baseDir); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "src", "Aurora.Cli", "bin", configuration, tfm, "aurora");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"the aurora binary (src/Aurora.Cli/bin/{configuration}/{tfm}/aurora) was not found; build the solution first");
    }
}
