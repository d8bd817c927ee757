using System.Runtime.InteropServices;

namespace Aurora.Core.Config;

/// Which paths a fix (`touches`) or a cleanup (`maintenance.temp`) may act on: inside the project
/// directory where they really are, symbolic links resolved, never the project itself and never Aurora's
/// own `.aurora/`. Decided on the resolved path, not the text: `vendor/shared -> /elsewhere` is outside.
/// Config validation asks when the file is loaded; the healer asks again at run time, since a link can
/// appear later.
public static partial class ProjectBounds
{
    public const string StateDirectoryName = ".aurora";

    // Linux resolves at most 40 links in one lookup (ELOOP); so do we.
    private const int MaxLinks = 40;

    /// The project directory with every symbolic link in it resolved.
    public static string RealRoot(string projectDirectory) => Resolve(Path.GetFullPath(projectDirectory));

    /// Where an absolute path really is: the links of its existing part resolved (a dangling link to
    /// where it points), the part that does not exist yet kept as written.
    public static string Resolve(string fullPath) => Resolve(Path.GetFullPath(fullPath), 0);

    /// Why `actor` ("fixes", "a fix", "temp cleanup") may not act on this absolute path, or null when it may.
    public static string? Refusal(string realRoot, string fullPath, string actor)
    {
        var resolved = Resolve(fullPath);
        if (resolved == realRoot)
        {
            return $"is the project directory itself; {actor} may only touch what is inside it, so name those files and directories";
        }

        if (!resolved.StartsWith(realRoot + "/", StringComparison.Ordinal))
        {
            var where = resolved == Path.GetFullPath(fullPath)
                ? "is outside the project directory"
                : $"resolves to {resolved}, outside the project directory (symbolic links are not followed out of it)";
            return $"{where}; {actor} may only touch files inside it";
        }

        var state = realRoot + "/" + StateDirectoryName;
        return resolved == state || resolved.StartsWith(state + "/", StringComparison.Ordinal)
            ? $"is inside {StateDirectoryName}/, Aurora's own state; {actor} may not touch it"
            : null;
    }

    private static string Resolve(string path, int links)
    {
        if (RealPath(path) is { } real)
        {
            return real;
        }

        var parent = Path.GetDirectoryName(path);
        if (parent is null)
        {
            return path;
        }

        // A dangling link still says where it leads: resolve its target, not its name.
        if (links < MaxLinks && new FileInfo(path).LinkTarget is { } target)
        {
            return Resolve(Path.GetFullPath(target, Resolve(parent, links + 1)), links + 1);
        }

        return Path.Join(Resolve(parent, links), Path.GetFileName(path));
    }

    private static string? RealPath(string path)
    {
        var resolved = realpath(path, 0);
        if (resolved == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint realpath(string path, nint resolved);

    [LibraryImport("libc")]
    private static partial void free(nint pointer);
}
