namespace Aurora.Core.Healing;

/// snapshot → apply → verify → commit or roll back, for one fix. Before anything changes, the manifest is
/// written and a `pending` marker created beside it; a daemon that dies in between finds the marker at its
/// next start and rolls the fix back (RecoverPending). Ending the transaction removes the marker first:
/// an unlink needs no free space, so a full disk can never leave a verified fix to be undone later. The
/// manifest is then rewritten with the outcome and its time, as a record; if that write fails, the missing
/// marker still says the transaction is over.
public sealed class FixTransaction
{
    public const string ManifestName = "manifest.json";

    private const string PendingMarker = "pending";

    private readonly ProjectScope _scope;
    private readonly FixManifest _begun;
    private readonly TimeProvider _time;

    private FixTransaction(ProjectScope scope, string backupDirectory, FixManifest begun, TimeProvider time)
    {
        _scope = scope;
        BackupDirectory = backupDirectory;
        _begun = begun;
        _time = time;
    }

    public string FixId => _begun.FixId;

    public string BackupDirectory { get; }

    public static FixTransaction Begin(string backupsDirectory, string fixId, IFix fix, FixContext context, TimeProvider time) =>
        Begin(backupsDirectory, fixId, new FixManifest(fixId, fix.Name, context.Service.Name, fix.Cause, FixManifest.Pending, []),
            fix.Touches(context), context.ProjectDirectory, time);

    /// The same transaction for a change that is not a healer's fix (an applied insight edits a config file):
    /// `begun` names it (its entries are filled in here), `touches` are the paths it may change.
    public static FixTransaction Begin(string backupsDirectory, string fixId, FixManifest begun, IEnumerable<string> touches,
        string projectDirectory, TimeProvider time)
    {
        var scope = new ProjectScope(projectDirectory);
        var backup = Path.Combine(backupsDirectory, fixId);
        Directory.CreateDirectory(backup);
        try
        {
            var entries = FixSnapshot.Take(scope, touches, backup);
            var manifest = begun with { FixId = fixId, State = FixManifest.Pending, Entries = entries };
            manifest.Write(Path.Combine(backup, ManifestName));
            File.Create(Path.Combine(backup, PendingMarker)).Dispose();
            return new FixTransaction(scope, backup, manifest, time);
        }
        catch
        {
            // Refused (a path outside the project) or failed (no space for the copy): the fix never runs.
            NoFollow.Delete(backup);
            throw;
        }
    }

    /// Whether the fix of this backup folder has begun and not ended (its backup must be kept).
    public static bool IsPending(string backupDirectory) => File.Exists(Path.Combine(backupDirectory, PendingMarker));

    /// The folder's manifest, or null when it has none (a daemon died while taking the snapshot).
    public static FixManifest? ReadManifest(string backupDirectory) =>
        File.Exists(Path.Combine(backupDirectory, ManifestName)) ? FixManifest.Read(Path.Combine(backupDirectory, ManifestName)) : null;

    public void Commit() => End(FixManifest.Committed);

    public RestoreResult Rollback()
    {
        var result = FixSnapshot.Restore(_scope, _begun.Entries, BackupDirectory);
        End(FixManifest.RolledBack);
        return result;
    }

    private void End(string state)
    {
        File.Delete(Path.Combine(BackupDirectory, PendingMarker));
        try
        {
            (_begun with { State = state, Finished = _time.GetUtcNow() }).Write(Path.Combine(BackupDirectory, ManifestName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The record of the outcome is lost, not the outcome: without the marker the fix is over.
        }
    }

    /// Rolls back every fix a previous daemon left pending. Returns their manifests.
    public static List<FixManifest> RecoverPending(string projectDirectory, string backupsDirectory, TimeProvider time)
    {
        var recovered = new List<FixManifest>();
        if (!Directory.Exists(backupsDirectory))
        {
            return recovered;
        }

        var scope = new ProjectScope(projectDirectory);
        foreach (var dir in Directory.EnumerateDirectories(backupsDirectory))
        {
            if (IsPending(dir) && ReadManifest(dir) is { } manifest)
            {
                new FixTransaction(scope, dir, manifest, time).Rollback();
                recovered.Add(manifest);
            }
        }

        return recovered;
    }
}
