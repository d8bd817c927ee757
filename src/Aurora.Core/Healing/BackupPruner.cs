using System.Text.Json;
using Aurora.Core.Config;

namespace Aurora.Core.Healing;

/// `healing.backups: { keep, max_age }`: the backup of a finished fix (committed or rolled back) stays while
/// it is one of the `keep` most recently finished and younger than `max_age`; an in-flight fix's backup
/// (FixTransaction's pending marker) is always kept and never counted. Run after each fix ends and by the
/// disk-full fix. The engine runs one fix at a time, so a folder with neither marker nor manifest is what a
/// daemon left when it died while taking a snapshot: it is removed first.
public sealed class BackupPruner(string backupsDirectory, BackupRetention retention, TimeProvider time)
{
    /// Removes the expired backups; returns their fix ids.
    public IReadOnlyList<string> Prune()
    {
        if (FileNode.Of(backupsDirectory).Type != NodeType.Directory)
        {
            return [];
        }

        var finished = Directory.EnumerateDirectories(backupsDirectory)
            .Where(dir => FileNode.Of(dir).Type == NodeType.Directory && !FixTransaction.IsPending(dir))
            .Select(dir => (Id: Path.GetFileName(dir), At: FinishedAt(dir)))
            .ToList();
        var expired = Expired(finished, retention, time.GetUtcNow());
        foreach (var id in expired)
        {
            NoFollow.Delete(Path.Combine(backupsDirectory, id));
        }

        return expired;
    }

    /// The bytes the backups take (regular files; links are not followed): what a prune frees is the difference.
    public long Bytes() =>
        FileNode.Of(backupsDirectory).Type != NodeType.Directory ? 0
            : NoFollow.Walk(backupsDirectory).Where(e => e.Node.Type == NodeType.File).Sum(e => Length(e.Path));

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0; // removed meanwhile
        }
    }

    /// The rule: which of these finished backups (id, finish time) go.
    public static IReadOnlyList<string> Expired(IEnumerable<(string Id, DateTimeOffset At)> finished, BackupRetention retention, DateTimeOffset now) =>
        [.. finished.OrderByDescending(b => b.At).ThenByDescending(b => b.Id, StringComparer.Ordinal)
            .Where((b, newest) => newest >= retention.Keep || now - b.At > retention.MaxAge)
            .Select(b => b.Id)];

    private static DateTimeOffset FinishedAt(string dir)
    {
        try
        {
            // A manifest whose final rewrite failed (a full disk) has no finish time: its file's is close.
            return FixTransaction.ReadManifest(dir) is { } manifest
                ? manifest.Finished ?? File.GetLastWriteTimeUtc(Path.Combine(dir, FixTransaction.ManifestName))
                : DateTimeOffset.MinValue;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return DateTimeOffset.MinValue;
        }
    }
}
