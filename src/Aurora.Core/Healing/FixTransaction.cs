namespace Aurora.Core.Healing;

/// snapshot → apply → verify → commit or roll back, for one fix. The manifest is written (as pending)
/// before anything changes and updated last, so the transaction is never left half done: a daemon that
/// dies in between rolls it back at its next start (RecoverPending).
public sealed class FixTransaction
{
    private readonly string _projectDirectory;
    private readonly FixManifest _begun;

    private FixTransaction(string projectDirectory, string backupDirectory, FixManifest begun)
    {
        _projectDirectory = projectDirectory;
        BackupDirectory = backupDirectory;
        _begun = begun;
    }

    public string FixId => _begun.FixId;

    public string BackupDirectory { get; }

    private string ManifestPath => Path.Combine(BackupDirectory, "manifest.json");

    public static FixTransaction Begin(string backupsDirectory, string fixId, IFix fix, FixContext context)
    {
        var projectDirectory = context.ProjectDirectory;
        var backup = Path.Combine(backupsDirectory, fixId);
        Directory.CreateDirectory(backup);
        var entries = FixSnapshot.Take(projectDirectory, fix.Touches(context), backup);
        var manifest = new FixManifest(fixId, fix.Name, context.Service.Name, fix.Cause, FixManifest.Pending, entries);
        var tx = new FixTransaction(projectDirectory, backup, manifest);
        manifest.Write(tx.ManifestPath);
        return tx;
    }

    public void Commit() => (_begun with { State = FixManifest.Committed }).Write(ManifestPath);

    public (int Restored, int Removed) Rollback()
    {
        var result = FixSnapshot.Restore(_projectDirectory, _begun.Entries, BackupDirectory);
        (_begun with { State = FixManifest.RolledBack }).Write(ManifestPath);
        return result;
    }

    /// Rolls back every fix a previous daemon left pending. Returns their manifests.
    public static List<FixManifest> RecoverPending(string projectDirectory, string backupsDirectory)
    {
        var recovered = new List<FixManifest>();
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
                new FixTransaction(projectDirectory, dir, manifest).Rollback();
                recovered.Add(manifest);
            }
        }

        return recovered;
    }
}
