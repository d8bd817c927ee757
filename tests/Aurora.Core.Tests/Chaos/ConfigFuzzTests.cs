using System.Text.RegularExpressions;
using Aurora.Core.Config;
using Aurora.Core.Tests.Config;
using CsCheck;

namespace Aurora.Core.Tests.Chaos;

/// Issue 19's config fuzz: random mutations of the repository's real aurora.yaml files (the demo, every corpus
/// case, SPEC §3's example) go through the loader `aurora validate` uses. It must never throw, and every problem it
/// reports must say where: `aurora.yaml:LINE:COL: …`. ./test.sh runs a bounded number of cases (a few seconds);
/// bench/chaos runs it longer with AURORA_FUZZ_ITERATIONS, and AURORA_FUZZ_SEED replays a failure CsCheck printed.
public sealed partial class ConfigFuzzTests : IDisposable
{
    private const int DefaultIterations = 400;

    private readonly TempProject _project = new TempProject().WithDirectory("api").WithFile(".env", "SECRET_KEY=abc\n");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Mutated_real_configs_never_crash_validate_and_every_problem_is_positioned()
    {
        var seeds = SeedFiles();
        Assert.True(seeds.Count >= 10, $"found only {seeds.Count} aurora.yaml files to mutate");
        var cases =
            from seed in Gen.Int[0, seeds.Count - 1]
            from mutations in Gen.Select(Gen.Int[0, ConfigMutation.Kinds - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue],
                (k, p, a) => new ConfigMutation(k, p, a)).Array[1, 6]
            select (seed, mutations);

        cases.Sample(
            (int seed, ConfigMutation[] mutations) =>
            {
                Check(mutations.Aggregate(seeds[seed].Bytes, (file, m) => m.Apply(file)));
            },
            seed: Environment.GetEnvironmentVariable("AURORA_FUZZ_SEED"),
            iter: long.TryParse(Environment.GetEnvironmentVariable("AURORA_FUZZ_ITERATIONS"), out var n) ? n : DefaultIterations,
            threads: 1,
            print: c => $"{seeds[c.Item1].Name} with {string.Join(", ", c.Item2.Select(m => m.ToString()))}");
    }

    private void Check(byte[] file)
    {
        File.WriteAllBytes(_project.ConfigPath, file);
        var result = ConfigLoader.Load([_project.ConfigPath], TempProject.KnownCommands.Contains, new Dictionary<string, string>());

        if (result.Config is null)
        {
            Assert.NotEmpty(result.Errors);
        }

        foreach (var d in result.Diagnostics)
        {
            var text = d.ToString();
            Assert.True(d.Line >= 1 && d.Column >= 1 && Positioned().IsMatch(text), $"not positioned: {text}");
        }
    }

    private static List<(string Name, byte[] Bytes)> SeedFiles()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Aurora.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("the repository root (Aurora.slnx) is not above the test's directory");
        }

        var files = Directory.EnumerateFiles(Path.Combine(root, "examples"), "aurora*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "bench", "corpus", "cases"), "aurora*.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(root, f), File.ReadAllBytes(f)));
        return [.. files, ("SPEC §3", System.Text.Encoding.UTF8.GetBytes(SpecExampleTests.Example))];
    }

    [GeneratedRegex(@"^aurora\.yaml:[0-9]+:[0-9]+: ")]
    private static partial Regex Positioned();
}
