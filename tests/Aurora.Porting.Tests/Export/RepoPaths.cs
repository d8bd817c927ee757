namespace Aurora.Porting.Tests.Export;

/// The repository's root, found from the test binary's directory upwards (the directory holding Aurora.slnx).
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string ValidatorDirectory => Path.Combine(Root, "tests", "tools", "export-validate");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aurora.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Aurora.slnx above {AppContext.BaseDirectory}");
    }
}
