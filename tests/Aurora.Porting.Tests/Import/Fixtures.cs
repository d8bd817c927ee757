using System.Text.RegularExpressions;
using Aurora.Core.Config;
using Aurora.Porting.Import;

namespace Aurora.Porting.Tests.Import;

/// The real-world files under tests/data/import (ORIGINS.md says where each comes from), imported into a fresh
/// output directory and checked by Aurora's own loader.
internal static partial class Fixtures
{
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static (ImportResult Result, string Yaml) Import(string relative, string? outputDirectory = null, Func<string, string>? evaluateJs = null)
    {
        var output = outputDirectory ?? Directory.CreateTempSubdirectory("aurora-import-").FullName;
        var result = Importer.Import(PathOf(relative), new ImportOptions(output) { ProcessorCount = 4, EvaluateJs = evaluateJs });
        ProvideScripts(result, output);
        return (result, AuroraYamlWriter.Write(result));
    }

    /// Loads the YAML as `aurora validate` would, every program taken as found and every variable it references set
    /// (as the user's environment would have them), and returns every diagnostic.
    public static IReadOnlyList<ConfigDiagnostic> Validate(string yaml, string outputDirectory)
    {
        var variables = Reference().Matches(yaml).Select(m => m.Groups["name"].Value).Distinct().ToDictionary(n => n, _ => "1");
        var result = ConfigLoader.Parse(yaml, Path.Combine(outputDirectory, "aurora.yaml"), outputDirectory, _ => true, environment: variables);
        return result.Diagnostics;
    }

    public static ImportedService Service(ImportResult result, string name) => result.Services.Single(s => s.Name == name);

    public static IEnumerable<string> Skipped(ImportResult result, string? service) =>
        result.NotCarried.Where(n => n.Service == service).Select(n => n.Item);

    /// A command given as a relative path (`./test_loop.bash`) is the project's own script: it is put where the
    /// service would find it, as it is in the project the file came from, so the check is about the conversion.
    private static void ProvideScripts(ImportResult result, string output)
    {
        foreach (var s in result.Services.Where(s => !s.Shell && s.Command[0].Contains('/') && !Path.IsPathRooted(s.Command[0])))
        {
            var file = Path.Combine(output, s.Cwd ?? ".", s.Command[0]);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "#!/bin/sh\n");
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "import");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/data/import was not found above the test binary");
    }

    // A ${NAME…} reference that Aurora interpolates (a doubled $$ is a literal and does not count).
    [GeneratedRegex(@"(?<!\$)(?:\$\$)*\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
