using System.Text;
using Aurora.Core.Config;
using Aurora.Core.Logs;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Logs;

public sealed class ServiceLogWriterTests : IDisposable
{
    private readonly TempLogDirectory _dir = new();
    private readonly ServiceLog _log;

    public ServiceLogWriterTests() => _log = new ServiceLog(_dir.Path, "api", LogConfig.Default, new FakeTimeProvider());

    public void Dispose()
    {
        _log.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Two_writers_interleaving_partial_chunks_never_tear_a_line()
    {
        var a = _log.OpenWriter();
        var b = _log.OpenWriter();
        var bytesA = LogWrites.NumberedLines(0, 2000, " from-a");
        var bytesB = LogWrites.NumberedLines(0, 2000, " from-b");
        var random = new Random(7);

        for (int offsetA = 0, offsetB = 0; offsetA < bytesA.Length || offsetB < bytesB.Length;)
        {
            var sizeA = Math.Min(random.Next(1, 40), bytesA.Length - offsetA);
            a.Write(bytesA.AsSpan(offsetA, sizeA));
            offsetA += sizeA;
            var sizeB = Math.Min(random.Next(1, 40), bytesB.Length - offsetB);
            b.Write(bytesB.AsSpan(offsetB, sizeB));
            offsetB += sizeB;
        }

        AssertBothRunsIntact(_dir.AllLines("api"), 2000);
    }

    [Fact]
    public async Task Two_writers_on_two_threads_never_tear_a_line()
    {
        using var log = new ServiceLog(_dir.Path, "web", new LogConfig(32 * 1024, 1000), new FakeTimeProvider());
        var a = Task.Run(() => WriteAll(log, " from-a", seed: 1), TestContext.Current.CancellationToken);
        var b = Task.Run(() => WriteAll(log, " from-b", seed: 2), TestContext.Current.CancellationToken);

        await Task.WhenAll(a, b).DefaultTimeout();

        AssertBothRunsIntact(_dir.AllLines("web"), 20_000);
    }

    [Fact]
    public void A_trailing_partial_line_is_written_on_complete()
    {
        var writer = _log.OpenWriter();
        writer.Write("first\nsec");
        writer.Write("ond\npart");
        Assert.Equal(["first", "second"], File.ReadAllLines(_log.FilePath));

        writer.Complete();

        Assert.Equal("first\nsecond\npart\n", File.ReadAllText(_log.FilePath));
        Assert.Equal(["first", "second", "part"], _log.RecentLines(10));
    }

    [Fact]
    public void Crlf_line_endings_are_stripped_for_readers_and_kept_in_the_file()
    {
        var writer = _log.OpenWriter();
        writer.Write("one\r\ntwo\r");
        writer.Write("\nthree\r\n");

        Assert.Equal(["one", "two", "three"], _log.RecentLines(10));
        Assert.Equal(["one", "two", "three"], _log.Tail(10));
        Assert.Equal("one\r\ntwo\r\nthree\r\n", File.ReadAllText(_log.FilePath));
    }

    [Fact]
    public void A_partial_line_longer_than_64_KiB_is_written_as_a_line_of_its_own()
    {
        var writer = _log.OpenWriter();
        var huge = new string('z', 70 * 1024);
        writer.Write(huge[..40_000]);
        Assert.Empty(_log.RecentLines(10));

        writer.Write(huge[40_000..]);
        writer.Write("after\n");

        Assert.Equal([huge, "after"], _log.RecentLines(10));
        Assert.Equal([huge, "after"], File.ReadAllLines(_log.FilePath));
    }

    [Fact]
    public void Invalid_utf8_is_replaced_for_readers_and_written_as_is()
    {
        var writer = _log.OpenWriter();
        byte[] bytes = [(byte)'o', (byte)'k', 0xFF, 0xFE, (byte)'\n'];
        writer.Write(bytes);

        Assert.Equal(["ok\uFFFD\uFFFD"], _log.RecentLines(1));
        Assert.Equal(bytes, File.ReadAllBytes(_log.FilePath));
    }

    [Fact]
    public void Notes_are_lines_of_their_own_between_process_lines()
    {
        var writer = _log.OpenWriter();
        writer.Write("half a li");
        _log.WriteNote("[aurora] started pid 4242");
        writer.Write("ne\n");

        Assert.Equal(["[aurora] started pid 4242", "half a line"], File.ReadAllLines(_log.FilePath));
    }

    [Fact]
    public void RecentLines_returns_the_last_n_of_at_most_200()
    {
        _log.OpenWriter().Write(LogWrites.NumberedLines(0, 300));

        Assert.Equal(Enumerable.Range(295, 5).Select(i => LogWrites.Expected(i)), _log.RecentLines(5));
        Assert.Equal(Enumerable.Range(100, 200).Select(i => LogWrites.Expected(i)), _log.RecentLines(1000));
        Assert.Empty(_log.RecentLines(0));
    }

    private static void WriteAll(ServiceLog log, string suffix, int seed)
    {
        var writer = log.OpenWriter();
        writer.WriteInRandomChunks(LogWrites.NumberedLines(0, 20_000, suffix), new Random(seed), maxChunk: 300);
        writer.Complete();
    }

    private static void AssertBothRunsIntact(List<string> lines, int count)
    {
        Assert.Equal(2 * count, lines.Count);
        foreach (var suffix in new[] { " from-a", " from-b" })
        {
            var run = lines.Where(l => l.Contains(suffix, StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, count).Select(i => LogWrites.Expected(i, suffix)), run);
        }
    }
}
