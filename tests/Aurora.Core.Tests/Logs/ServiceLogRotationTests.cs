using System.Diagnostics;
using Aurora.Core.Config;
using Aurora.Core.Logs;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Logs;

public sealed class ServiceLogRotationTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempLogDirectory _dir = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Every_line_survives_many_rotations_exactly_once_and_in_order()
    {
        const int Count = 200_000;
        var rotations = new List<LogRotated>();
        var bytes = LogWrites.NumberedLines(0, Count);
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(64 * 1024, 500), _time, rotations.Add);
        var writer = log.OpenWriter();

        var clock = Stopwatch.StartNew();
        writer.WriteInRandomChunks(bytes, new Random(42), maxChunk: 8192);
        writer.Complete();
        clock.Stop();

        var lines = _dir.AllLines("api");
        Assert.Equal(Count, lines.Count);
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(LogWrites.Expected(i), lines[i]);
        }

        Assert.True(rotations.Count > 50, $"only {rotations.Count} rotations");
        Assert.All(rotations, r => Assert.Equal(_dir.File("api.log.1"), r.RotatedTo));
        output.WriteLine($"{Count} lines, {bytes.Length / 1024.0 / 1024.0:F1} MiB, {rotations.Count} rotations in {clock.Elapsed.TotalMilliseconds:F0} ms: " +
            $"{Count / clock.Elapsed.TotalSeconds:N0} lines/s, {bytes.Length / 1024.0 / 1024.0 / clock.Elapsed.TotalSeconds:F1} MiB/s");
    }

    [Fact]
    public void Files_beyond_keep_are_deleted_and_rotated_files_stay_within_max_size()
    {
        var oversized = new string('x', 5000);
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(1000, 3), _time);
        var writer = log.OpenWriter();

        writer.Write(LogWrites.NumberedLines(0, 100));
        writer.Write(oversized + "\n");
        writer.Write(LogWrites.NumberedLines(100, 40));

        Assert.True(File.Exists(_dir.File("api.log.3")));
        Assert.False(File.Exists(_dir.File("api.log.4")));
        foreach (var k in new[] { 1, 2, 3 })
        {
            var path = _dir.File($"api.log.{k}");
            var content = File.ReadAllText(path);
            Assert.True(new FileInfo(path).Length <= 1000 || content == oversized + "\n", $"{path} is {content.Length} bytes");
        }

        Assert.Contains(oversized, _dir.AllLines("api"));
        var kept = _dir.AllLines("api").Where(l => l != oversized).Select(LogWrites.NumberOf).ToList();
        Assert.Equal(Enumerable.Range(kept[0], kept.Count), kept);
        Assert.Equal(139, kept[^1]);
    }

    [Fact]
    public void A_smaller_keep_deletes_the_surplus_files_at_the_next_rotation()
    {
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(500, 6), _time);
        var writer = log.OpenWriter();
        writer.Write(LogWrites.NumberedLines(0, 200));
        Assert.True(File.Exists(_dir.File("api.log.6")));

        log.Reconfigure(new LogConfig(500, 2));
        writer.Write(LogWrites.NumberedLines(200, 30));

        Assert.True(File.Exists(_dir.File("api.log.2")));
        Assert.False(File.Exists(_dir.File("api.log.3")));
        Assert.False(File.Exists(_dir.File("api.log.6")));
    }

    [Fact]
    public void Keep_zero_truncates_instead_of_rotating()
    {
        var rotations = new List<LogRotated>();
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(300, 0), _time, rotations.Add);
        var writer = log.OpenWriter();

        writer.Write(LogWrites.NumberedLines(0, 100));

        Assert.False(File.Exists(_dir.File("api.log.1")));
        Assert.True(new FileInfo(log.FilePath).Length <= 300);
        Assert.NotEmpty(rotations);
        Assert.Equal(99, LogWrites.NumberOf(_dir.AllLines("api")[^1]));
    }

    [Fact]
    public void An_existing_log_is_appended_to_and_counts_towards_max_size()
    {
        using (var first = new ServiceLog(_dir.Path, "api", new LogConfig(100, 3), _time))
        {
            first.WriteNote(new string('a', 89));
        }

        var rotations = new List<LogRotated>();
        using var second = new ServiceLog(_dir.Path, "api", new LogConfig(100, 3), _time, rotations.Add);
        second.WriteNote("0123456789");
        second.WriteNote("second");

        Assert.Equal([new string('a', 89)], File.ReadAllLines(_dir.File("api.log.1")));
        Assert.Equal(["0123456789", "second"], File.ReadAllLines(second.FilePath));
        Assert.Equal([new LogRotated("api", _dir.File("api.log.1"), 90)], rotations);
    }

    [Fact]
    public void A_smaller_max_size_rotates_at_the_next_line()
    {
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(10_000, 3), _time);
        log.WriteNote("one");
        log.WriteNote("two");

        log.Reconfigure(new LogConfig(5, 3));
        log.WriteNote("three");

        Assert.Equal(["one", "two"], File.ReadAllLines(_dir.File("api.log.1")));
        Assert.Equal(["three"], File.ReadAllLines(log.FilePath));
    }
}
