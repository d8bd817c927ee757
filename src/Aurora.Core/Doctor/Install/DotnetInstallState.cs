using Aurora.Core.Config;

namespace Aurora.Core.Doctor.Install;

/// .NET: `obj/project.assets.json` is what `dotnet restore` wrote; missing, or older than the project file (or a
/// Directory.Packages.props / Directory.Build.props above it, up to the project directory), the restore is stale.
internal static class DotnetInstallState
{
    private static readonly string[] ProjectPatterns = ["*.csproj", "*.fsproj", "*.vbproj"];

    private static readonly string[] SharedFiles = ["Directory.Packages.props", "Directory.Build.props"];

    public static IEnumerable<DoctorFinding> Check(AuroraConfig config, ServiceConfig service)
    {
        var dir = service.WorkingDirectory;
        var projects = ProjectPatterns.SelectMany(p => Directory.EnumerateFiles(dir, p)).Order(StringComparer.Ordinal).ToList();
        if (projects.Count == 0)
        {
            yield break;
        }

        var assets = Path.Combine(dir, "obj", "project.assets.json");
        var fix = InstallFix.For(config, service, "dotnet restore");
        if (!File.Exists(assets))
        {
            yield return DoctorFinding.Warning(service.Name, DoctorChecks.Install,
                $"{Path.GetFileName(projects[0])} has not been restored (no obj/project.assets.json)", fix);
            yield break;
        }

        var restored = File.GetLastWriteTimeUtc(assets);
        var newer = projects.Concat(SharedAbove(config, dir)).Where(f => File.GetLastWriteTimeUtc(f) > restored).ToList();
        yield return newer.Count == 0
            ? DoctorFinding.Ok(service.Name, DoctorChecks.Install, $"obj/project.assets.json is newer than {string.Join(", ", projects.Select(Path.GetFileName))}")
            : DoctorFinding.Warning(service.Name, DoctorChecks.Install,
                $"{string.Join(", ", newer.Select(f => DoctorText.Relative(config, f)))} changed after the last restore (obj/project.assets.json)", fix);
    }

    private static IEnumerable<string> SharedAbove(AuroraConfig config, string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            foreach (var name in SharedFiles)
            {
                var file = Path.Combine(d.FullName, name);
                if (File.Exists(file))
                {
                    yield return file;
                }
            }

            if (Path.GetFullPath(d.FullName) == Path.GetFullPath(config.ProjectDirectory))
            {
                yield break;
            }
        }
    }
}
