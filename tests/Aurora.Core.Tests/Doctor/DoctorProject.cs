using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Doctor;
using Aurora.Core.Doctor.Ports;

namespace Aurora.Core.Tests.Doctor;

/// A temporary project directory: copy test data into it, write aurora.yaml, run the doctor with a fixed
/// environment, project id and port holders.
public sealed class DoctorProject : IDisposable
{
    public const string ProjectId = "0123456789ab";

    public DoctorProject()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("aurora-doctor-").FullName;
    }

    public string Directory { get; }

    public Dictionary<string, string> Environment { get; } = new() { ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" };

    public IPortHolders Ports { get; set; } = new FakePortHolders();

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public DoctorProject WithData(string data, string? into = null)
    {
        DoctorData.Copy(DoctorData.Path(data), PathOf(into ?? data));
        return this;
    }

    public DoctorProject WithFile(string relative, string content)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
        return this;
    }

    public AuroraConfig Load(string yaml)
    {
        File.WriteAllText(PathOf("aurora.yaml"), yaml);
        var result = ConfigLoader.Load([PathOf("aurora.yaml")], _ => true, Environment);
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    public Aurora.Core.Doctor.Doctor Doctor() => new(new DoctorContext(Environment.ToImmutableDictionary(), ProjectId, Ports));

    public DoctorReport Run(string yaml) => Doctor().Run(Load(yaml));

    /// The findings of one check, as "service severity: message" lines, for exact assertions.
    public static string[] Lines(DoctorReport report, string check) =>
        [.. report.Findings.Where(f => f.Check == check).Select(f => $"{f.Service ?? "-"} {f.Severity.ToString().ToLowerInvariant()}: {f.Message}")];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
