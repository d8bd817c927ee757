using Aurora.Core.Config;

namespace Aurora.Core.Healing;

/// The project directory as the healer's file operations see it: resolved once (the project may itself
/// live under a link), with declared paths checked where they really are and restored paths checked for
/// links that appeared in between.
public sealed class ProjectScope(string projectDirectory)
{
    public string Root { get; } = ProjectBounds.RealRoot(projectDirectory);

    /// A declared path (`touches`, `maintenance.temp`), relative or absolute, resolved to where it
    /// really is; throws when that is outside the project, the project itself or inside `.aurora/`.
    public string Declared(string path)
    {
        var full = Path.GetFullPath(path, Root);
        if (ProjectBounds.Refusal(Root, full, "a fix") is { } refusal)
        {
            throw new UnsafePathException($"'{path}' {refusal}");
        }

        return ProjectBounds.Resolve(full);
    }

    /// The absolute path of a project-relative one recorded in a snapshot, provided no directory between
    /// the project and it is now a symbolic link (writing there would follow it); throws otherwise.
    public string Inside(string relative)
    {
        var full = Path.GetFullPath(relative, Root);
        if (!full.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            throw new UnsafePathException($"'{relative}' is outside the project directory; a fix may not touch it");
        }

        for (var parent = Path.GetDirectoryName(full); parent is not null && parent.Length > Root.Length; parent = Path.GetDirectoryName(parent))
        {
            if (FileNode.Of(parent).Type == NodeType.Link)
            {
                throw new UnsafePathException($"'{relative}' is now under a symbolic link ({Relative(parent)}); not followed");
            }
        }

        return full;
    }

    public string Relative(string full) => Path.GetRelativePath(Root, full);
}
