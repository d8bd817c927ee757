using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// disk_full: the DiskCleanup (compress rotated service logs, remove maintenance.temp files past their age,
/// prune the backups of finished fixes) — only inside the project directory. It snapshots nothing: freeing
/// space is the point, and a copy would need it. A cleanup that found nothing to do did not apply: the disk that is full
/// is not one the project can make room on (/dev/full, another file system), and restarting the service would
/// only repeat the failure.
public sealed class CleanDiskFix(string logDirectory, MaintenanceConfig maintenance, BackupPruner backups, TimeProvider time,
    LogCompressor? compressor = null) : IFix
{
    private readonly DiskCleanup _cleanup = new(logDirectory, maintenance, backups, time, compressor);

    public string Name => "clean_disk";

    public string Cause => Causes.DiskFull;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => false;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) => [];

    public (bool Applies, string Reason) Check(FixContext context) => (true, "");

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        var done = _cleanup.Run(context.ProjectDirectory);
        var madeRoom = done.BytesFreed > 0 || done.Removed > 0 || done.Compressed > 0 || done.Pruned > 0; // a removed empty file frees an inode
        return Task.FromResult(madeRoom ? FixResult.Ok(done.Detail) : FixResult.Failed(done.Detail));
    }
}
