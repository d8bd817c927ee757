namespace Aurora.Core.Tests.Doctor;

/// tests/data/doctor: real lockfiles, installs and advisories (see its README), found from the test's output dir.
public static class DoctorData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "data", "doctor");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/data/doctor was not found above " + AppContext.BaseDirectory);
    });

    public static string Path(string relative) => System.IO.Path.Combine(Root.Value, relative);

    /// Copies a tree, symlinks as symlinks (pnpm's node_modules is made of them).
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var to = System.IO.Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(to, link);
            }
            else if (entry is DirectoryInfo)
            {
                Copy(entry.FullName, to);
            }
            else
            {
                File.Copy(entry.FullName, to);
            }
        }
    }
}
