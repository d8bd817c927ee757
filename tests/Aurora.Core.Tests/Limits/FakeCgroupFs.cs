namespace Aurora.Core.Tests.Limits;

/// A temp directory shaped like a cgroupfs: a directory per group holding the control files the kernel would
/// offer there (the writers never create a control file, only write into existing ones).
internal sealed class FakeCgroupFs : IDisposable
{
    public FakeCgroupFs()
    {
        Root = Path.Combine(Path.GetTempPath(), "aur-cg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// A group directory with these control files (empty unless given a value).
    public string Group(string relative, params (string File, string Value)[] files)
    {
        var dir = Path.Combine(Root, relative);
        Directory.CreateDirectory(dir);
        foreach (var (file, value) in files)
        {
            File.WriteAllText(Path.Combine(dir, file), value);
        }

        return dir;
    }

    public string Read(string dir, string file) => File.ReadAllText(Path.Combine(dir, file));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
