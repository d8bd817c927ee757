using System.Text.RegularExpressions;

namespace Aurora.Core.Doctor.Install;

/// PEP 503 names: `Django`, `django_x` and `django.x` are the same project as `django-x`.
internal static partial class PythonNames
{
    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();
}
