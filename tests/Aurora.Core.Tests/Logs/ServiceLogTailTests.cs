using Aurora.Core.Config;
using Aurora.Core.Logs;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Logs;

public sealed class ServiceLogTailTests : IDisposable
{
    private readonly TempLogDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Tail_reads_across_a_rotation_boundary_in_order()
    {
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(1000, 5), new FakeTimeProvider());
        log.OpenWriter().Write(LogWrites.NumberedLines(0, 60));
        var current = File.ReadAllLines(log.FilePath).Length;
        Assert.True(File.Exists(_dir.File("api.log.1")));

        var tail = log.Tail(current + 5);

        Assert.Equal(Enumerable.Range(60 - current - 5, current + 5).Select(i => LogWrites.Expected(i)), tail);
    }

    [Fact]
    public void Tail_of_more_lines_than_exist_returns_all_of_them()
    {
        using var log = new ServiceLog(_dir.Path, "api", new LogConfig(1000, 50), new FakeTimeProvider());
        log.OpenWriter().Write(LogWrites.NumberedLines(0, 300));

        Assert.Equal(Enumerable.Range(0, 300).Select(i => LogWrites.Expected(i)), log.Tail(10_000));
    }

    [Fact]
    public void Tail_of_a_missing_file_is_empty()
    {
        using var log = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider());
        Assert.Empty(log.Tail(10));

        using var elsewhere = new ServiceLog(_dir.File("no-such-dir"), "api", LogConfig.Default, new FakeTimeProvider());
        Assert.Empty(elsewhere.Tail(10));
    }

    [Fact]
    public void Tail_reads_lines_longer_than_its_read_block()
    {
        using var log = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider());
        var longA = new string('a', 150_000);
        var longB = new string('b', 70_000);
        log.WriteNote(longA);
        log.WriteNote("");
        log.WriteNote(longB);
        log.WriteNote("short");

        Assert.Equal([longB, "short"], log.Tail(2));
        Assert.Equal([longA, "", longB, "short"], log.Tail(10));
    }

    [Fact]
    public void Tail_includes_lines_from_before_a_daemon_restart()
    {
        using (var first = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider()))
        {
            first.WriteNote("before");
        }

        using var second = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider());
        second.WriteNote("after");

        Assert.Equal(["before", "after"], second.Tail(5));
        Assert.Equal(["after"], second.RecentLines(5));
    }
}
