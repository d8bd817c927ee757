using System.IO.Compression;

namespace Aurora.Core.Healing;

/// Compresses a rotated log NAME.log.N into NAME.log.N.gz — or NAME.log.N-2.gz, -3… when that exists: an
/// older archive is never overwritten. The archive is written under a temporary name and linked into place
/// only when complete (no-clobber), so a full disk leaves no partial .gz: on failure the temporary file is
/// removed and the log kept as it was.
public sealed class LogCompressor(Func<string, Stream>? createNew = null)
{
    /// Ends in a letter, so a leftover is never taken for a rotated log (NAME.log.N).
    public const string TempSuffix = ".aurora-tmp";

    // O_CREAT|O_EXCL: never opens (or writes through) anything that is already there.
    private readonly Func<string, Stream> _createNew = createNew ?? (path => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None));

    /// Removes what a compression interrupted by a crash left (fixes run one at a time: none is running).
    public static void RemoveLeftovers(string logDirectory)
    {
        foreach (var leftover in Directory.EnumerateFiles(logDirectory, "*" + TempSuffix))
        {
            NoFollow.Delete(leftover);
        }
    }

    /// The bytes freed, or the error that stopped it (the log is then untouched).
    public (long Freed, string? Error) Compress(string rotated)
    {
        var temp = $"{rotated}.gz.{Guid.NewGuid():N}{TempSuffix}";
        try
        {
            var before = new FileInfo(rotated).Length;
            using (var input = File.OpenRead(rotated))
            using (var output = new GZipStream(_createNew(temp), CompressionLevel.SmallestSize))
            {
                input.CopyTo(output);
            }

            var archive = FreeName(rotated);
            File.Move(temp, archive, overwrite: false);
            File.Delete(rotated);
            return (before - new FileInfo(archive).Length, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            return (0, ex.Message);
        }
    }

    private static string FreeName(string rotated)
    {
        var name = rotated + ".gz";
        for (var n = 2; FileNode.Of(name).Type != NodeType.Missing; n++)
        {
            name = $"{rotated}-{n}.gz";
        }

        return name;
    }
}
