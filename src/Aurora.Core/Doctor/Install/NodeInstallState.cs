using Aurora.Core.Config;

namespace Aurora.Core.Doctor.Install;

/// node_modules against the lockfile: every path package-lock.json lists (npm), or the direct dependencies of
/// pnpm-lock.yaml and yarn.lock (v1), must be installed at the locked version.
internal static class NodeInstallState
{
    public static IEnumerable<DoctorFinding> Check(AuroraConfig config, ServiceConfig service)
    {
        var dir = service.WorkingDirectory;
        if (File.Exists(Path.Combine(dir, "package-lock.json")) || File.Exists(Path.Combine(dir, "npm-shrinkwrap.json")))
        {
            var lockName = File.Exists(Path.Combine(dir, "npm-shrinkwrap.json")) ? "npm-shrinkwrap.json" : "package-lock.json";
            var entries = NpmLock.Read(Path.Combine(dir, lockName));
            return entries is null
                ? [Unreadable(service, lockName)]
                : [Compare(config, service, lockName, "npm ci",
                    entries.Select(e => (e.Name, e.Version, Path.Combine(dir, e.Path), e.Optional)).ToList())];
        }

        if (File.Exists(Path.Combine(dir, "pnpm-lock.yaml")))
        {
            var pnpm = PnpmLock.Read(Path.Combine(dir, "pnpm-lock.yaml"));
            return pnpm is null
                ? [Unreadable(service, "pnpm-lock.yaml")]
                : [Compare(config, service, "pnpm-lock.yaml", "pnpm install --frozen-lockfile",
                    pnpm.Direct.Select(d => (d.Name, d.Version, Path.Combine(dir, "node_modules", d.Name), false)).ToList())];
        }

        if (File.Exists(Path.Combine(dir, "yarn.lock")))
        {
            return [Yarn(config, service)];
        }

        if (File.Exists(Path.Combine(dir, "package.json")) && !Directory.Exists(Path.Combine(dir, "node_modules"))
            && NodePackageJson.Dependencies(dir).Count > 0)
        {
            return [DoctorFinding.Warning(service.Name, DoctorChecks.Install,
                "package.json has dependencies but node_modules is missing (and there is no lockfile to install from)",
                InstallFix.For(config, service, "npm install"))];
        }

        return [];
    }

    private static DoctorFinding Yarn(AuroraConfig config, ServiceConfig service)
    {
        var dir = service.WorkingDirectory;
        var yarn = YarnLock.Read(Path.Combine(dir, "yarn.lock"));
        if (yarn is null)
        {
            return Unreadable(service, "yarn.lock");
        }

        if (yarn.IsBerry)
        {
            return DoctorFinding.Ok(service.Name, DoctorChecks.Install,
                "yarn.lock is in the yarn 2+ (berry) format, which doctor does not compare with the install");
        }

        var direct = NodePackageJson.Dependencies(dir)
            .Select(d => (d.Key, yarn.VersionBySpecifier.GetValueOrDefault($"{d.Key}@{d.Value}")))
            .Where(d => d.Item2 is not null)
            .Select(d => (d.Key, d.Item2!, Path.Combine(dir, "node_modules", d.Key), false)).ToList();
        return Compare(config, service, "yarn.lock", "yarn install --frozen-lockfile", direct);
    }

    private static DoctorFinding Compare(AuroraConfig config, ServiceConfig service, string lockName, string conventional,
        IReadOnlyList<(string Name, string Version, string Directory, bool Optional)> locked)
    {
        var nodeModules = Path.Combine(service.WorkingDirectory, "node_modules");
        if (locked.Count > 0 && !Directory.Exists(nodeModules))
        {
            return DoctorFinding.Warning(service.Name, DoctorChecks.Install,
                $"node_modules is missing; {lockName} locks {DoctorText.Plural(locked.Count, "package")}",
                InstallFix.For(config, service, conventional));
        }

        var drift = new List<string>();
        foreach (var (name, version, directory, optional) in locked)
        {
            var installed = NodePackageJson.Version(directory);
            if (installed is null && !optional)
            {
                drift.Add($"{name} {version} is not installed");
            }
            else if (installed is not null && installed != version)
            {
                drift.Add($"{name} {installed} is installed, {lockName} locks {version}");
            }
        }

        return drift.Count == 0
            ? DoctorFinding.Ok(service.Name, DoctorChecks.Install, $"node_modules matches {lockName} ({DoctorText.Plural(locked.Count, "package")})")
            : DoctorFinding.Warning(service.Name, DoctorChecks.Install,
                $"node_modules has drifted from {lockName}: {DoctorText.List(drift)}", InstallFix.For(config, service, conventional));
    }

    private static DoctorFinding Unreadable(ServiceConfig service, string lockName) =>
        DoctorFinding.Warning(service.Name, DoctorChecks.Install, $"{lockName} cannot be read as a lockfile",
            $"regenerate it with the package manager that owns it");
}
