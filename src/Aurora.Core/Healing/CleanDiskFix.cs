using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// disk_full: compress rotated service logs, remove maintenance.temp files past their age and prune the
/// backups of finished fixes (healing.backups) — only inside the project directory. It snapshots nothing:
/// freeing space is the point, and a copy would need it.
/// No link is followed: a temp path that leads out of the project is refused, an old link inside it is
/// removed as itself, and a rotated log that is a link is left alone.
public sealed class CleanDiskFix(string logDirectory, MaintenanceConfig maintenance, BackupPruner backups, TimeProvider time,
    LogCompressor? compressor = null) : IFix
{
    private readonly LogCompressor _compressor = compressor ?? new LogCompressor();

    public string Name => "clean_disk";

    public string Cause => Causes.DiskFull;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => false;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) => [];

    public (bool Applies, string Reason) Check(FixContext context) => (true, "");

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
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
        var scope = new ProjectScope(context.ProjectDirectory);
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

        var pruned = backups.Prune().Count;
        var detail = $"compressed {compressed} rotated logs, removed {removed} temp files, pruned {pruned} fix backups, freed {freed} bytes"
            + (failed.Count == 0 ? "" : $"; not compressed: {string.Join("; ", failed)}")
            + (refused.Count == 0 ? "" : $"; refused: {string.Join("; ", refused)}");
        return Task.FromResult(FixResult.Ok(detail));
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
