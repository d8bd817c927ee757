using System.Collections.Immutable;
using System.IO.Compression;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// disk_full: compress rotated service logs and remove maintenance.temp files past their age — only
/// inside the project directory. It snapshots nothing: freeing space is the point, and a copy would need it.
public sealed class CleanDiskFix(string logDirectory, MaintenanceConfig maintenance, TimeProvider time) : IFix
{
    public string Name => "clean_disk";

    public string Cause => Causes.DiskFull;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => false;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) => [];

    public (bool Applies, string Reason) Check(FixContext context) => (true, "");

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        long freed = 0;
        var compressed = 0;
        if (Directory.Exists(logDirectory))
        {
            foreach (var rotated in Directory.EnumerateFiles(logDirectory, "*.log.*").Where(f => char.IsDigit(f[^1])))
            {
                var before = new FileInfo(rotated).Length;
                using (var input = File.OpenRead(rotated))
                using (var output = new GZipStream(File.Create(rotated + ".gz"), CompressionLevel.SmallestSize))
                {
                    input.CopyTo(output);
                }

                File.Delete(rotated);
                freed += before - new FileInfo(rotated + ".gz").Length;
                compressed++;
            }
        }

        var removed = 0;
        var root = Path.GetFullPath(context.ProjectDirectory).TrimEnd('/') + "/";
        foreach (var rule in maintenance.Temp.Where(r => Path.GetFullPath(r.Path).StartsWith(root, StringComparison.Ordinal) && Directory.Exists(r.Path)))
        {
            foreach (var file in Directory.EnumerateFiles(rule.Path, "*", SearchOption.AllDirectories))
            {
                if (time.GetUtcNow() - File.GetLastWriteTimeUtc(file) > rule.OlderThan)
                {
                    freed += new FileInfo(file).Length;
                    File.Delete(file);
                    removed++;
                }
            }
        }

        return Task.FromResult(FixResult.Ok($"compressed {compressed} rotated logs, removed {removed} temp files, freed {freed} bytes"));
    }
}
