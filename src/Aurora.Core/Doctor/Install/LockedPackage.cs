namespace Aurora.Core.Doctor.Install;

/// A package and version a lockfile pins. Ecosystem uses OSV's names ("npm", "PyPI"); Lockfile is the file's name.
public sealed record LockedPackage(string Ecosystem, string Name, string Version, string Lockfile)
{
    public const string Npm = "npm";
    public const string PyPI = "PyPI";
}
