namespace Aurora.Core.Healing;

/// snapshot → apply → verify → commit or roll back, for one fix. The manifest is written (as pending)
/// before anything changes and updated last, so the transaction is never left half done: a daemon that
/// dies in between rolls it back at its next start (RecoverPending).
public sealed class FixTransaction
{
    private readonly ProjectScope _scope;
    private readonly FixManifest _begun;

    private FixTransaction(ProjectScope scope, string backupDirectory, FixManifest begun)
    {
        _scope = scope;
        BackupDirectory = backupDirectory;
        _begun = begun;
    }

    public string FixId => _begun.FixId;

    public string BackupDirectory { get; }

    private string ManifestPath => Path.Combine(BackupDirectory, "manifest.json");

    public static FixTransaction Begin(string backupsDirectory, string fixId, IFix fix, FixContext context)
    {
        var scope = new ProjectScope(context.ProjectDirectory);
        var backup = Path.Combine(backupsDirectory, fixId);
        Directory.CreateDirectory(backup);
        try
        {
            var entries = FixSnapshot.Take(scope, fix.Touches(context), backup);
            var manifest = new FixManifest(fixId, fix.Name, context.Service.Name, fix.Cause, FixManifest.Pending, entries);
            var tx = new FixTransaction(scope, backup, manifest);
            manifest.Write(tx.ManifestPath);
            return tx;
        }
        catch
        {
            // Refused (a path outside the project) or failed (no space for the copy): the fix never runs.
            NoFollow.Delete(backup);
            throw;
        }
    }

    public void Commit() => (_begun with { State = FixManifest.Committed }).Write(ManifestPath);

    public RestoreResult Rollback()
    {
        var result = FixSnapshot.Restore(_scope, _begun.Entries, BackupDirectory);
        (_begun with { State = FixManifest.RolledBack }).Write(ManifestPath);
        return result;
    }

    /// Rolls back every fix a previous daemon left pending. Returns their manifests.
    public static List<FixManifest> RecoverPending(string projectDirectory, string backupsDirectory)
    {
        var recovered = new List<FixManifest>();
        var scope = new ProjectScope(projectDirectory);
        if (!Directory.Exists(backupsDirectory))
        {
            return recovered;
        }

        foreach (var dir in Directory.EnumerateDirectories(backupsDirectory))
        {
            var path = Path.Combine(dir, "manifest.json");
            if (!File.Exists(path))
            {
                continue;
            }

            var manifest = FixManifest.Read(path);
            if (manifest.State == FixManifest.Pending)
            {
                new FixTransaction(scope, dir, manifest).Rollback();
                recovered.Add(manifest);
            }
        }

        return recovered;
    }
}
