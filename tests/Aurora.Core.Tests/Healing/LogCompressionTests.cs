using System.IO.Compression;
using System.Text;
using Aurora.Core.Config;
using Aurora.Core.Healing;
using Aurora.Core.Tests.Supervision;

namespace Aurora.Core.Tests.Healing;

/// Issue 19, finding 7: log compression overwrote an older .gz and left a partial one on ENOSPC.
public sealed class LogCompressionTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("aurora-gz-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private string Logs => Path.Combine(_project, ".aurora", "logs");

    private FixContext Context() => new(TestConfigs.Service("api"), new Aurora.Core.Diagnosis.Diagnosis("disk_full", 0.9, [], ""), _project, "p");

    private static void WriteGz(string path, string text)
    {
        using var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string ReadGz(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Compressing_a_rotated_log_never_overwrites_an_older_gz()
    {
        Directory.CreateDirectory(Logs);
        WriteGz(Path.Combine(Logs, "api.log.1.gz"), "yesterday's lines\n");
        File.WriteAllText(Path.Combine(Logs, "api.log.1"), "today's lines\n");
        var fix = new CleanDiskFix(Logs, MaintenanceConfig.Default, new BackupPruner(Path.Combine(_project, "b"), BackupRetention.Default, TimeProvider.System), TimeProvider.System);

        await fix.ApplyAsync(Context(), CancellationToken.None);

        Assert.Equal("yesterday's lines\n", ReadGz(Path.Combine(Logs, "api.log.1.gz")));
        Assert.False(File.Exists(Path.Combine(Logs, "api.log.1")));
        var gzs = Directory.GetFiles(Logs).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["api.log.1-2.gz", "api.log.1.gz"], gzs);
        Assert.Equal("today's lines\n", ReadGz(Path.Combine(Logs, "api.log.1-2.gz")));
    }

    [Fact]
    public async Task A_full_disk_while_compressing_leaves_no_partial_file_and_keeps_the_log()
    {
        Directory.CreateDirectory(Logs);
        WriteGz(Path.Combine(Logs, "api.log.1.gz"), "yesterday's lines\n");
        var log = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i} {Guid.NewGuid()}\n"));
        File.WriteAllText(Path.Combine(Logs, "api.log.1"), log);
        var compressor = new LogCompressor(path => new FullDisk(new FileStream(path, FileMode.CreateNew), 4096));
        var fix = new CleanDiskFix(Logs, MaintenanceConfig.Default, new BackupPruner(Path.Combine(_project, "b"), BackupRetention.Default, TimeProvider.System),
            TimeProvider.System, compressor);

        var result = await fix.ApplyAsync(Context(), CancellationToken.None);

        Assert.Contains("not compressed: api.log.1: No space left on device", result.Detail);
        Assert.Equal(["api.log.1", "api.log.1.gz"], Directory.GetFiles(Logs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(log, File.ReadAllText(Path.Combine(Logs, "api.log.1")));
        Assert.Equal("yesterday's lines\n", ReadGz(Path.Combine(Logs, "api.log.1.gz")));
    }

    [Fact]
    public async Task A_partial_archive_left_by_a_crash_is_removed_and_never_taken_for_a_log()
    {
        Directory.CreateDirectory(Logs);
        File.WriteAllText(Path.Combine(Logs, $"api.log.1.gz.0123456789{LogCompressor.TempSuffix}"), "half");
        var fix = new CleanDiskFix(Logs, MaintenanceConfig.Default, new BackupPruner(Path.Combine(_project, "b"), BackupRetention.Default, TimeProvider.System), TimeProvider.System);

        var result = await fix.ApplyAsync(Context(), CancellationToken.None);

        Assert.StartsWith("compressed 0 rotated logs", result.Detail);
        Assert.Empty(Directory.GetFiles(Logs));
    }

    /// A file stream on a disk that fills up after `room` bytes, as ENOSPC does.
    private sealed class FullDisk(FileStream inner, long room) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (inner.Length + count > room)
            {
                inner.Write(buffer, offset, (int)Math.Max(0, room - inner.Length));
                throw new IOException("No space left on device");
            }

            inner.Write(buffer, offset, count);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
