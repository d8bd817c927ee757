using Aurora.Core.Config;

namespace Aurora.Core.Doctor.Install;

/// The service's virtualenv: the one its interpreter lives in (`.venv/bin/python app.py`, or a `python` found
/// first on PATH), else `.venv` or `venv` in its working directory. Installed packages are read from the
/// `*.dist-info/METADATA` (and `*.egg-info`) in its site-packages.
internal static class PythonVenv
{
    public static string? Find(ServiceConfig service, DoctorContext context)
    {
        if (!service.Shell && service.Command.Length > 0
            && ProgramLookup.Resolve(service.Command[0], service.WorkingDirectory, context.Path) is (ProgramLookup.Outcome.Found, { } program)
            && Path.GetDirectoryName(program) is { } bin && Path.GetFileName(bin) == "bin"
            && Path.GetDirectoryName(bin) is { } root && File.Exists(Path.Combine(root, "pyvenv.cfg")))
        {
            return root;
        }

        return new[] { ".venv", "venv" }.Select(d => Path.Combine(service.WorkingDirectory, d))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pyvenv.cfg")));
    }

    /// Normalized name → version of every distribution installed in the venv.
    public static IReadOnlyDictionary<string, string> Installed(string venv)
    {
        var installed = new Dictionary<string, string>(StringComparer.Ordinal);
        var lib = Path.Combine(venv, "lib");
        if (!Directory.Exists(lib))
        {
            return installed;
        }

        foreach (var sitePackages in Directory.EnumerateDirectories(lib, "python*").Select(d => Path.Combine(d, "site-packages")).Where(Directory.Exists))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(sitePackages))
            {
                var metadata = entry.EndsWith(".dist-info", StringComparison.Ordinal) ? Path.Combine(entry, "METADATA")
                    : entry.EndsWith(".egg-info", StringComparison.Ordinal) ? (Directory.Exists(entry) ? Path.Combine(entry, "PKG-INFO") : entry)
                    : null;
                if (metadata is not null && Read(metadata) is ({ } name, { } version))
                {
                    installed[PythonNames.Normalize(name)] = version;
                }
            }
        }

        return installed;
    }

    /// The Name and Version headers of a core metadata file (they come first; the body is not read).
    private static (string?, string?) Read(string file)
    {
        string? name = null, version = null;
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    break;
                }

                if (line.StartsWith("Name:", StringComparison.Ordinal))
                {
                    name = line[5..].Trim();
                }
                else if (line.StartsWith("Version:", StringComparison.Ordinal))
                {
                    version = line[8..].Trim();
                }

                if (name is not null && version is not null)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return (name, version);
    }
}
