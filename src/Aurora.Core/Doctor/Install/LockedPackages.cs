namespace Aurora.Core.Doctor.Install;

/// Every package and version the lockfiles in a directory pin, for matching against advisories: npm, pnpm and
/// yarn (v1) lockfiles, requirements.txt pins, poetry.lock and uv.lock.
public static class LockedPackages
{
    public static IReadOnlyList<LockedPackage> Read(string directory)
    {
        var found = new List<LockedPackage>();
        foreach (var name in new[] { "package-lock.json", "npm-shrinkwrap.json" })
        {
            found.AddRange((NpmLock.Read(Path.Combine(directory, name)) ?? [])
                .Select(e => new LockedPackage(LockedPackage.Npm, e.Name, e.Version, name)));
        }

        found.AddRange((PnpmLock.Read(Path.Combine(directory, "pnpm-lock.yaml"))?.Packages ?? [])
            .Select(p => new LockedPackage(LockedPackage.Npm, p.Name, p.Version, "pnpm-lock.yaml")));
        found.AddRange((YarnLock.Read(Path.Combine(directory, "yarn.lock"))?.Packages ?? [])
            .Select(p => new LockedPackage(LockedPackage.Npm, p.Name, p.Version, "yarn.lock")));
        found.AddRange(RequirementsFile.Read(Path.Combine(directory, "requirements.txt"))
            .Select(p => new LockedPackage(LockedPackage.PyPI, p.Name, p.Version, "requirements.txt")));
        found.AddRange((PythonLocks.ReadPoetry(directory)?.Packages ?? [])
            .Select(p => new LockedPackage(LockedPackage.PyPI, p.Name, p.Version, "poetry.lock")));
        found.AddRange((PythonLocks.ReadUv(directory)?.Packages ?? [])
            .Select(p => new LockedPackage(LockedPackage.PyPI, p.Name, p.Version, "uv.lock")));
        return [.. found.Distinct()];
    }
}
