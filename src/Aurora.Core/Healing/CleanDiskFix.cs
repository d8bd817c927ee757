using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// disk_full: the DiskCleanup (compress rotated service logs, remove maintenance.temp files past their age,
/// prune the backups of finished fixes) — only inside the project directory. It snapshots nothing: freeing
/// space is the point, and a copy would need it.
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

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct) =>
        Task.FromResult(FixResult.Ok(_cleanup.Run(context.ProjectDirectory).Detail));
}
