namespace Aurora.Core.Healing;

/// Copies what a fix declares it touches into its backup folder, and puts it back byte for byte:
/// files restored with their modes, directories recreated, and whatever the fix created under a
/// declared path removed. Never reaches outside the project directory.
public static class FixSnapshot
{
    public static List<SnapshotEntry> Take(string projectDirectory, IEnumerable<string> touches, string backupDirectory)
    {
        var entries = new List<SnapshotEntry>();
        foreach (var rel in touches)
        {
            var full = Resolve(projectDirectory, rel);
            if (File.Exists(full))
            {
                entries.Add(CopyFile(projectDirectory, full, backupDirectory, isRoot: true));
            }
            else if (Directory.Exists(full))
            {
                entries.Add(new SnapshotEntry(Relative(projectDirectory, full), EntryKind.Directory, File.GetUnixFileMode(full), IsRoot: true));
                foreach (var dir in Directory.EnumerateDirectories(full, "*", SearchOption.AllDirectories))
                {
                    entries.Add(new SnapshotEntry(Relative(projectDirectory, dir), EntryKind.Directory, File.GetUnixFileMode(dir), IsRoot: false));
                }

                foreach (var file in Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories))
                {
                    entries.Add(CopyFile(projectDirectory, file, backupDirectory, isRoot: false));
                }
            }
            else
            {
                entries.Add(new SnapshotEntry(Relative(projectDirectory, full), EntryKind.Missing, 0, IsRoot: true));
            }
        }

        return entries;
    }

    /// Returns the paths restored and the paths removed.
    public static (int Restored, int Removed) Restore(string projectDirectory, IReadOnlyList<SnapshotEntry> entries, string backupDirectory)
    {
        var removed = 0;
        var known = entries.Select(e => e.Path).ToHashSet();
        foreach (var root in entries.Where(e => e.IsRoot))
        {
            var full = Resolve(projectDirectory, root.Path);
            if (root.Kind == EntryKind.Directory && Directory.Exists(full))
            {
                // Anything under a declared directory that was not there before was made by the fix.
                foreach (var path in Directory.EnumerateFileSystemEntries(full, "*", SearchOption.AllDirectories).OrderByDescending(p => p.Length))
                {
                    if (!known.Contains(Relative(projectDirectory, path)))
                    {
                        Delete(path);
                        removed++;
                    }
                }
            }
            else if (root.Kind != EntryKind.Directory && Directory.Exists(full))
            {
                Delete(full);
                removed++;
            }
            else if (root.Kind == EntryKind.Missing && File.Exists(full))
            {
                Delete(full);
                removed++;
            }
        }

        var restored = 0;
        foreach (var e in entries.Where(e => e.Kind == EntryKind.Directory).OrderBy(e => e.Path.Length))
        {
            var full = Resolve(projectDirectory, e.Path);
            Directory.CreateDirectory(full);
            File.SetUnixFileMode(full, e.Mode);
        }

        foreach (var e in entries.Where(e => e.Kind == EntryKind.File))
        {
            var full = Resolve(projectDirectory, e.Path);
            if (File.Exists(full) && File.GetUnixFileMode(full) == e.Mode && SameBytes(full, Path.Combine(backupDirectory, "files", e.Path)))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Copy(Path.Combine(backupDirectory, "files", e.Path), full, overwrite: true);
            File.SetUnixFileMode(full, e.Mode);
            restored++;
        }

        return (restored, removed);
    }

    /// The absolute path of a project-relative one; throws for anything that escapes the project.
    public static string Resolve(string projectDirectory, string relative)
    {
        var root = Path.GetFullPath(projectDirectory).TrimEnd('/') + "/";
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!(full + "/").StartsWith(root, StringComparison.Ordinal) || full.Length < root.Length)
        {
            throw new InvalidOperationException($"'{relative}' is outside the project directory; a fix may not touch it");
        }

        return full;
    }

    private static SnapshotEntry CopyFile(string projectDirectory, string file, string backupDirectory, bool isRoot)
    {
        var rel = Relative(projectDirectory, file);
        var target = Path.Combine(backupDirectory, "files", rel);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
        return new SnapshotEntry(rel, EntryKind.File, File.GetUnixFileMode(file), isRoot);
    }

    private static string Relative(string projectDirectory, string full) => Path.GetRelativePath(Path.GetFullPath(projectDirectory), full);

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static bool SameBytes(string a, string b)
    {
        var fa = new FileInfo(a);
        var fb = new FileInfo(b);
        return fa.Length == fb.Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }
}
