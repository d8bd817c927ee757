using Aurora.Core.Config;
using Aurora.Core.Doctor.Advisories;

namespace Aurora.Core.Doctor.Install;

/// The service's virtualenv against requirements.txt pins, poetry.lock and uv.lock: an installed package at
/// another version than locked, or a pinned / directly required one that is not installed, is drift.
internal static class PythonInstallState
{
    public static IEnumerable<DoctorFinding> Check(AuroraConfig config, ServiceConfig service, DoctorContext context)
    {
        var dir = service.WorkingDirectory;
        var locks = new[] { "requirements.txt", "poetry.lock", "uv.lock" }.Where(f => File.Exists(Path.Combine(dir, f))).ToList();
        if (locks.Count == 0)
        {
            yield break;
        }

        var venv = PythonVenv.Find(service, context);
        if (venv is null)
        {
            yield return DoctorFinding.Warning(service.Name, DoctorChecks.Install,
                $"no virtualenv found (.venv, venv, or the one the command's interpreter is in), so {string.Join(" and ", locks)} cannot be checked",
                InstallFix.For(config, service, Conventional(locks[0], null)));
            yield break;
        }

        var installed = PythonVenv.Installed(venv);
        foreach (var lockName in locks)
        {
            var (packages, direct) = lockName switch
            {
                "requirements.txt" => Requirements(dir),
                "poetry.lock" => Unpack(PythonLocks.ReadPoetry(dir)),
                _ => Unpack(PythonLocks.ReadUv(dir)),
            };
            var drift = Drift(lockName, packages, direct, installed);
            var shownVenv = DoctorText.Relative(config, venv);
            yield return drift.Count == 0
                ? DoctorFinding.Ok(service.Name, DoctorChecks.Install, $"{shownVenv} matches {lockName} ({DoctorText.Plural(packages.Count, "package")})")
                : DoctorFinding.Warning(service.Name, DoctorChecks.Install, $"{shownVenv} has drifted from {lockName}: {DoctorText.List(drift)}",
                    InstallFix.For(config, service, Conventional(lockName, Path.GetRelativePath(dir, venv))));
        }
    }

    private static (IReadOnlyList<(string Name, string Version)>, IReadOnlySet<string>) Requirements(string dir)
    {
        var pins = RequirementsFile.Read(Path.Combine(dir, "requirements.txt"));
        return ([.. pins.Select(p => (p.Name, p.Version))],
            pins.Where(p => !p.HasMarker).Select(p => PythonNames.Normalize(p.Name)).ToHashSet());
    }

    private static (IReadOnlyList<(string Name, string Version)>, IReadOnlySet<string>) Unpack(PythonLocks.Contents? contents) =>
        contents is null ? ([], new HashSet<string>()) : (contents.Packages, contents.Direct.Select(PythonNames.Normalize).ToHashSet());

    private static List<string> Drift(string lockName, IReadOnlyList<(string Name, string Version)> packages, IReadOnlySet<string> mustBeInstalled,
        IReadOnlyDictionary<string, string> installed)
    {
        var drift = new List<string>();
        foreach (var (name, version) in packages)
        {
            var key = PythonNames.Normalize(name);
            if (installed.TryGetValue(key, out var have))
            {
                if (!Pep440Version.SameVersion(have, version))
                {
                    drift.Add($"{name} {have} is installed, {lockName} locks {version}");
                }
            }
            else if (mustBeInstalled.Contains(key))
            {
                drift.Add($"{name} {version} is not installed");
            }
        }

        return drift;
    }

    private static string Conventional(string lockName, string? venv) => lockName switch
    {
        "poetry.lock" => "poetry install --sync",
        "uv.lock" => "uv sync",
        _ => venv is null ? "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt" : $"{venv}/bin/pip install -r requirements.txt",
    };
}
