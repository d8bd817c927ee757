using System.Diagnostics;

namespace Aurora.IntegrationTests.Store;

/// A real small disk: a tmpfs mounted on a throwaway `.aurora/` (needs root; the test is skipped otherwise), that
/// Fill makes full to the last byte and Free empties again.
internal sealed class SmallDisk : IAsyncDisposable
{
    private readonly string? _root;
    private readonly string _mount;

    private SmallDisk(string? root, string mount)
    {
        _root = root;
        _mount = mount;
    }

    public string Db => Path.Combine(_mount, "state.db");

    private string Filler => Path.Combine(_mount, "filler");

    public static SmallDisk Mount(string size)
    {
        if (!IsRoot())
        {
            Assert.Skip("needs root (mounts a tmpfs)");
        }

        var root = Path.Combine(Path.GetTempPath(), "aur-disk-" + Guid.NewGuid().ToString("N")[..10]);
        var mount = Path.Combine(root, ".aurora");
        Directory.CreateDirectory(mount);
        Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", mount);
        return new SmallDisk(root, mount);
    }

    /// A tmpfs on the given directory (made if missing), unmounted but not removed at the end.
    public static SmallDisk MountAt(string mount, string size)
    {
        if (!IsRoot())
        {
            Assert.Skip("needs root (mounts a tmpfs)");
        }

        Directory.CreateDirectory(mount);
        Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", mount);
        return new SmallDisk(null, mount);
    }

    public void Fill()
    {
        using var f = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var block = new byte[65536];
        try
        {
            while (true)
            {
                f.Write(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Then byte by byte, so that not even a partial block is left.
        }

        try
        {
            while (true)
            {
                f.Write(block, 0, 1);
            }
        }
        catch (IOException)
        {
        }
    }

    public void Free() => File.Delete(Filler);

    public ValueTask DisposeAsync()
    {
        SqliteClear();
        Run("umount", "-l", _mount);
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static void SqliteClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static bool IsRoot() => File.ReadAllLines("/proc/self/status").Any(l => l.StartsWith("Uid:\t0\t", StringComparison.Ordinal));

    private static void Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {error.Trim()}");
        }
    }
}
