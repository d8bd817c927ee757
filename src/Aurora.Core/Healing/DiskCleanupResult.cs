namespace Aurora.Core.Healing;

/// What a DiskCleanup did: the bytes it freed, how many rotated logs it compressed, temp files it removed and
/// fix backups it pruned; the logs it could not compress and the temp paths it refused (outside the project).
public sealed record DiskCleanupResult(long BytesFreed, int Compressed, int Removed, int Pruned, IReadOnlyList<string> Failed,
    IReadOnlyList<string> Refused)
{
    /// The steps, as `maintenance.done` names them.
    public IReadOnlyList<string> Steps => ["compress_rotated_logs", "clean_temp", "prune_backups"];

    public string Detail =>
        $"compressed {Compressed} rotated logs, removed {Removed} temp files, pruned {Pruned} fix backups, freed {BytesFreed} bytes"
        + (Failed.Count == 0 ? "" : $"; not compressed: {string.Join("; ", Failed)}")
        + (Refused.Count == 0 ? "" : $"; refused: {string.Join("; ", Refused)}");
}
