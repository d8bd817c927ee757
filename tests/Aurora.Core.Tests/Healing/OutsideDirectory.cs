using System.Security.Cryptography;

namespace Aurora.Core.Tests.Healing;

/// A real directory outside the project, with files and modes a symlink can lead a careless fix to, and
/// a fingerprint of everything in it (paths, kinds, modes, contents) to prove that nothing there changed.
public sealed class OutsideDirectory : IDisposable
{
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public OutsideDirectory()
    {
        Root = Directory.CreateTempSubdirectory("aurora-outside-").FullName;
        Write("a.txt", "outside a", Rw | UnixFileMode.GroupRead);
        Directory.CreateDirectory(Entry("sub"));
        Write("sub/b.txt", "outside b", Rw);
        Write("tool.sh", "#!/bin/sh\necho outside\n", Rw | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(Root, Rw | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        Before = Fingerprint();
    }

    public string Root { get; }

    public IReadOnlyList<string> Before { get; }

    public string Entry(string relative) => Path.Combine(Root, relative);

    public IReadOnlyList<string> Fingerprint()
    {
        var lines = new List<string> { $". dir {Mode(Root)}" };
        foreach (var entry in Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(Root, entry);
            lines.Add(Directory.Exists(entry)
                ? $"{rel} dir {Mode(entry)}"
                : $"{rel} file {Mode(entry)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)))}");
        }

        return lines;
    }

    /// Nothing outside changed: the same entries, modes and bytes as when it was made.
    public void AssertUntouched() => Assert.Equal(Before, Fingerprint());

    public void Dispose()
    {
        File.SetUnixFileMode(Root, Rw | UnixFileMode.UserExecute);
        Directory.Delete(Root, recursive: true);
    }

    private void Write(string relative, string text, UnixFileMode mode)
    {
        File.WriteAllText(Entry(relative), text);
        File.SetUnixFileMode(Entry(relative), mode);

        // Old enough for any temp-cleanup rule: a cleanup that reached in here would delete it.
        File.SetLastWriteTimeUtc(Entry(relative), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);
}
