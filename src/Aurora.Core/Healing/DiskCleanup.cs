using Aurora.Core.Config;

namespace Aurora.Core.Healing;

/// Frees disk space inside the project: compresses rotated service logs, removes `maintenance.temp` files past
/// their age and prunes the backups of finished fixes (`healing.backups`). The disk_full fix and the disk
/// maintenance (free space under `maintenance.disk.min_free`, or predicted to fall under it) both run it.
/// No link is followed: a temp path that leads out of the project is refused, an old link inside it is
/// removed as itself, and a rotated log that is a link is left alone.
public sealed class DiskCleanup(string logDirectory, MaintenanceConfig maintenance, BackupPruner backups, TimeProvider time,
    LogCompressor? compressor = null)
{
    // The disk_full fix and the disk maintenance may both want to run: one at a time, since each first removes
    // what an interrupted compression left (another's compression in flight would look just like that).
    private static readonly Lock Running = new();

    private readonly LogCompressor _compressor = compressor ?? new LogCompressor();

    public DiskCleanupResult Run(string projectDirectory)
    {
        lock (Running)
        {
            return RunAlone(projectDirectory);
        }
    }

    private DiskCleanupResult RunAlone(string projectDirectory)
    {
        long freed = 0;
        var compressed = 0;
        var failed = new List<string>();
        foreach (var rotated in RotatedLogs())
        {
            var (saved, error) = _compressor.Compress(rotated);
            freed += saved;
            if (error is null)
            {
                compressed++;
            }
            else
            {
                failed.Add($"{Path.GetFileName(rotated)}: {error}");
            }
        }

        var removed = 0;
        var refused = new List<string>();
        var scope = new ProjectScope(projectDirectory);
        foreach (var rule in maintenance.Temp)
        {
            string dir;
            try
            {
                dir = scope.Declared(rule.Path);
            }
            catch (UnsafePathException ex)
            {
                refused.Add(ex.Message);
                continue;
            }

            // Files and links (as themselves) past their age; directories stay, they may be in use.
            var now = time.GetUtcNow();
            foreach (var (path, node) in NoFollow.Walk(dir).Where(e => e.Node.Type is NodeType.File or NodeType.Link).ToList())
            {
                if (now - node.Modified > rule.OlderThan)
                {
                    freed += node.Type == NodeType.File ? new FileInfo(path).Length : 0;
                    NoFollow.Delete(path);
                    removed++;
                }
            }
        }

        var backupBytes = backups.Bytes();
        var pruned = backups.Prune().Count;
        freed += Math.Max(0, backupBytes - backups.Bytes());
        return new DiskCleanupResult(freed, compressed, removed, pruned, failed, refused);
    }

    /// NAME.log.N files that are regular files (a link is not read through).
    private List<string> RotatedLogs()
    {
        if (FileNode.Of(logDirectory).Type != NodeType.Directory)
        {
            return [];
        }

        LogCompressor.RemoveLeftovers(logDirectory);
        return [.. Directory.EnumerateFiles(logDirectory, "*.log.*").Where(f => char.IsAsciiDigit(f[^1]) && FileNode.Of(f).Type == NodeType.File)];
    }
}
