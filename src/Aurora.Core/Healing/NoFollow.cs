namespace Aurora.Core.Healing;

/// Walks and deletes without following symbolic links: a link is listed and removed as itself, and
/// nothing behind it is ever enumerated, read or deleted.
public static class NoFollow
{
    /// Every entry under a directory, parents before children; links are entries, never descended into.
    public static IEnumerable<(string Path, FileNode Node)> Walk(string directory)
    {
        if (FileNode.Of(directory).Type != NodeType.Directory)
        {
            yield break;
        }

        var pending = new Stack<string>([directory]);
        while (pending.TryPop(out var dir))
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
            {
                var node = FileNode.Of(path);
                yield return (path, node);
                if (node.Type == NodeType.Directory)
                {
                    pending.Push(path);
                }
            }
        }
    }

    /// Removes a file, a link (the link itself) or a directory tree, following no link. False when there
    /// was nothing to remove.
    public static bool Delete(string path)
    {
        var node = FileNode.Of(path);
        switch (node.Type)
        {
            case NodeType.Missing:
                return false;
            case NodeType.Directory:
                foreach (var child in Directory.EnumerateFileSystemEntries(path).ToList())
                {
                    Delete(child);
                }

                Directory.Delete(path, recursive: false);
                return true;
            default:
                // unlink(2): for a link, the link itself.
                File.Delete(path);
                return true;
        }
    }
}
