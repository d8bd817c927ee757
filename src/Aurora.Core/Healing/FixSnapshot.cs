namespace Aurora.Core.Healing;

/// Copies what a fix declares it touches into its backup folder, and puts it back byte for byte:
/// files restored with their modes, directories recreated, links recreated as links, and whatever the
/// fix created under a declared path removed. Never reaches outside the project directory: declared paths
/// are checked where they really are, and no symbolic link is ever followed — a link is snapshotted,
/// removed and restored as itself, and nothing behind it is read, written, chmodded or deleted.
public static class FixSnapshot
{
    public static List<SnapshotEntry> Take(ProjectScope scope, IEnumerable<string> touches, string backupDirectory)
    {
        var entries = new List<SnapshotEntry>();
        foreach (var declared in touches)
        {
            var full = scope.Declared(declared);
            var node = FileNode.Of(full);
            entries.Add(Entry(scope, full, node, backupDirectory, isRoot: true));
            if (node.Type == NodeType.Directory)
            {
                entries.AddRange(NoFollow.Walk(full).Select(e => Entry(scope, e.Path, e.Node, backupDirectory, isRoot: false)));
            }
        }

        return entries;
    }

    /// Puts every entry back. A declared path that now lies under a new symbolic link is not touched at all
    /// and is returned in Refused.
    public static RestoreResult Restore(ProjectScope scope, IReadOnlyList<SnapshotEntry> entries, string backupDirectory)
    {
        var refused = new List<string>();
        var skip = new HashSet<string>();
        var removed = 0;
        var known = entries.Select(e => e.Path).ToHashSet();
        foreach (var root in entries.Where(e => e.IsRoot))
        {
            try
            {
                removed += RemoveCreated(scope, root, known);
            }
            catch (UnsafePathException ex)
            {
                refused.Add(ex.Message);
                skip.Add(root.Path);
            }
        }

        var restored = 0;
        foreach (var e in entries.Where(e => !skip.Any(s => e.Path == s || e.Path.StartsWith(s + "/", StringComparison.Ordinal)))
                     .OrderBy(e => e.Path.Length))
        {
            try
            {
                restored += RestoreEntry(scope.Inside(e.Path), e, backupDirectory) ? 1 : 0;
            }
            catch (UnsafePathException ex)
            {
                refused.Add(ex.Message);
            }
        }

        return new RestoreResult(restored, removed, [.. refused]);
    }

    /// Anything under a declared directory that was not there before was made by the fix; so is anything
    /// at a declared path that was missing, and a directory where there was none.
    private static int RemoveCreated(ProjectScope scope, SnapshotEntry root, HashSet<string> known)
    {
        var full = scope.Inside(root.Path);
        var node = FileNode.Of(full);
        if (root.Kind == EntryKind.Directory && node.Type == NodeType.Directory)
        {
            var made = NoFollow.Walk(full).Select(e => e.Path).Where(p => !known.Contains(scope.Relative(p))).ToList();

            // Parents before children in the walk: deleting a made directory takes what is under it.
            return made.Count(NoFollow.Delete);
        }

        var foreign = root.Kind == EntryKind.Missing ? node.Type != NodeType.Missing
            : root.Kind == EntryKind.Directory ? node.Type != NodeType.Directory
            : node.Type == NodeType.Directory;
        return foreign && NoFollow.Delete(full) ? 1 : 0;
    }

    /// True when something had to be put back. What stands where the entry belongs is removed first when
    /// it is of another kind, so a write or chmod never goes through a link that replaced a file.
    private static bool RestoreEntry(string full, SnapshotEntry e, string backupDirectory)
    {
        var node = FileNode.Of(full);
        switch (e.Kind)
        {
            case EntryKind.Directory:
                if (node.Type == NodeType.Directory && node.Mode == e.Mode)
                {
                    return false;
                }

                if (node.Type != NodeType.Directory)
                {
                    NoFollow.Delete(full);
                    Directory.CreateDirectory(full);
                }

                File.SetUnixFileMode(full, e.Mode);
                return true;
            case EntryKind.File:
                var backup = Path.Combine(backupDirectory, "files", e.Path);
                if (node.Type == NodeType.File && node.Mode == e.Mode && SameBytes(full, backup))
                {
                    return false;
                }

                // Written beside it under a new name and renamed over it: rename replaces a link itself.
                var temp = $"{full}.aurora-restore-{Guid.NewGuid():N}";
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                try
                {
                    File.Copy(backup, temp);
                    File.SetUnixFileMode(temp, e.Mode);
                    if (node.Type is NodeType.Directory)
                    {
                        NoFollow.Delete(full);
                    }

                    File.Move(temp, full, overwrite: true);
                }
                finally
                {
                    File.Delete(temp);
                }

                return true;
            case EntryKind.Link:
                if (node.Type == NodeType.Link && new FileInfo(full).LinkTarget == e.LinkTarget)
                {
                    return false;
                }

                NoFollow.Delete(full);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.CreateSymbolicLink(full, e.LinkTarget!);
                return true;
            default:
                // Missing stays missing (RemoveCreated saw to it); sockets, fifos and devices are left alone.
                return false;
        }
    }

    private static SnapshotEntry Entry(ProjectScope scope, string full, FileNode node, string backupDirectory, bool isRoot)
    {
        var rel = scope.Relative(full);
        switch (node.Type)
        {
            case NodeType.File:
                var target = Path.Combine(backupDirectory, "files", rel);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(full, target, overwrite: true);
                return new SnapshotEntry(rel, EntryKind.File, node.Mode, isRoot);
            case NodeType.Directory:
                return new SnapshotEntry(rel, EntryKind.Directory, node.Mode, isRoot);
            case NodeType.Link:
                return new SnapshotEntry(rel, EntryKind.Link, 0, isRoot, new FileInfo(full).LinkTarget);
            case NodeType.Other:
                return new SnapshotEntry(rel, EntryKind.Other, node.Mode, isRoot);
            default:
                return new SnapshotEntry(rel, EntryKind.Missing, 0, isRoot);
        }
    }

    private static bool SameBytes(string a, string b)
    {
        using var fa = File.OpenRead(a);
        using var fb = File.OpenRead(b);
        if (fa.Length != fb.Length)
        {
            return false;
        }

        Span<byte> x = stackalloc byte[8192];
        Span<byte> y = stackalloc byte[8192];
        int read;
        while ((read = fa.ReadAtLeast(x, x.Length, throwOnEndOfStream: false)) > 0)
        {
            fb.ReadExactly(y[..read]);
            if (!x[..read].SequenceEqual(y[..read]))
            {
                return false;
            }
        }

        return true;
    }
}
