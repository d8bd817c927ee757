using System.Globalization;
using System.IO.MemoryMappedFiles;
using Aurora.Daemon.Hosting;

namespace Aurora.IntegrationTests.Daemon;

/// After a trim the daemon gives back the pages of its own files that it faulted in and no longer touches.
public sealed class ImagePagesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aurora-pages-");

    [Fact]
    public void Resident_pages_of_a_read_only_mapping_of_a_file_in_the_directory_are_given_back()
    {
        var path = Path.Combine(_dir.FullName, "image");
        File.WriteAllBytes(path, Enumerable.Range(0, 4 << 20).Select(i => (byte)i).ToArray());
        using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        long sum = 0;
        for (long offset = 0; offset < 4 << 20; offset += Environment.SystemPageSize)
        {
            sum += view.ReadByte(offset);
        }

        Assert.True(sum >= 0);
        Assert.True(ResidentKiB(path) >= 4096, $"{ResidentKiB(path)} KiB resident after reading every page");

        ImagePages.PageOut(_dir.FullName);

        Assert.True(ResidentKiB(path) < 1024, $"{ResidentKiB(path)} KiB still resident");
    }

    [Theory]
    [InlineData("55ef80418000-55ef80b83000 r-xp 0001b000 fe:00 123   /opt/aurora/aurora-daemon", 0x55ef80418000L, 0x76b000L)]
    [InlineData("7f00aa000000-7f00aa100000 r--p 00000000 fe:00 124   /opt/aurora/libe_sqlite3.so (deleted)", 0x7f00aa000000L, 0x100000L)]
    public void A_read_only_mapping_of_a_file_in_the_directory_is_taken(string line, long start, long length) =>
        Assert.Equal(((nint)start, (nuint)length), ImagePages.Parse(line, "/opt/aurora"));

    [Theory]
    [InlineData("55ef81298000-55ef812cf000 rw-p 00e9e000 fe:00 123   /opt/aurora/aurora-daemon")] // data: written
    [InlineData("7f00aa000000-7f00aa100000 r-xp 00000000 fe:00 125   /usr/lib/x86_64-linux-gnu/libc.so.6")] // not ours
    [InlineData("7f00aa000000-7f00aa100000 r--p 00000000 fe:00 126   /opt/aurora-other/aurora")] // a sibling directory
    [InlineData("7ffd5a000000-7ffd5a021000 rw-p 00000000 00:00 0   [stack]")]
    [InlineData("7f00aa000000-7f00aa100000 r--p 00000000 00:00 0 ")]
    public void Other_mappings_are_left_alone(string line) => Assert.Null(ImagePages.Parse(line, "/opt/aurora"));

    /// The Rss of this process's mappings of path, from /proc/self/smaps.
    private static long ResidentKiB(string path)
    {
        long total = 0;
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length > 0 && !fields[0].EndsWith(':')) // a mapping's header; its fields follow as "Name: value"
            {
                inside = fields.Length == 6 && fields[5] == path;
            }
            else if (inside && line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                total += long.Parse(line["Rss:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
