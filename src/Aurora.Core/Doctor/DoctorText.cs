using Aurora.Core.Config;

namespace Aurora.Core.Doctor;

/// Shared wording: paths as the user wrote them (relative to the project), lists cut to a readable length.
internal static class DoctorText
{
    public static string Relative(AuroraConfig config, string path)
    {
        var relative = Path.GetRelativePath(config.ProjectDirectory, path);
        return relative == "." ? "./" : relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    public static string List(IReadOnlyCollection<string> items, int max = 5) =>
        items.Count <= max ? string.Join("; ", items) : string.Join("; ", items.Take(max)) + $"; and {items.Count - max} more";

    public static string Plural(int n, string word, string? plural = null) => n == 1 ? $"1 {word}" : $"{n} {plural ?? word + "s"}";

    public static string Argv(IEnumerable<string> argv) =>
        string.Join(' ', argv.Select(a => a.Length == 0 || a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? $"\"{a}\"" : a));
}
