using System.Text;

namespace Aurora.Porting.Export;

/// The project's name in what an export writes (unit prefix, compose project, Kubernetes part-of label): the
/// directory's name in lowercase letters, digits and single dashes, as DNS labels, systemd units and compose allow.
public static class ProjectName
{
    public static string Of(string projectDirectory) => Sanitize(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectDirectory))), "aurora");

    /// A DNS-1123 label (at most 63 characters); fallback when nothing of the text is left.
    public static string Sanitize(string text, string fallback)
    {
        var name = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c);
            if (keep || (name.Length > 0 && name[^1] != '-'))
            {
                name.Append(keep ? c : '-');
            }
        }

        var result = name.ToString().Trim('-');
        result = result[..Math.Min(result.Length, 63)].TrimEnd('-');
        return result.Length == 0 ? fallback : result;
    }
}
