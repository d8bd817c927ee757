using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Porting.Export;
using Aurora.Porting.Export.Compose;
using Aurora.Porting.Import;
using Aurora.Porting.Tests.Export;

namespace Aurora.Porting.Tests.RoundTrip;

/// `aurora export compose` then `aurora import` of what it wrote gives back an equivalent aurora.yaml: every key both
/// formats can express comes back as it was, as Aurora's own loader reads it.
public sealed class ComposeRoundTripTests
{
    private const string Original = """
        version: 1
        services:
          db:
            command: ["redis-server", "--port", "6390", "--save", ""]
            ports: [6390]
            health: { exec: ["redis-cli", "-p", "6390", "ping"], interval: 2s, timeout: 1s, retries: 3, start_period: 5s }
            stop: { signal: SIGINT, timeout: 20s }
            limits: { memory: 256MiB, cpu: 50% }
          migrate:
            command: ["python3", "migrate.py", "--to", "head"]
            restart: { policy: never }
            depends_on: { db: healthy }
          api:
            command: ["python3", "-m", "http.server", "8080"]
            env: { MODE: "production", GREETING: "hello world" }
            ports: [8080]
            depends_on: { db: healthy, migrate: completed }
            restart: { policy: always }
          worker:
            command: ["node", "worker.js"]
            depends_on: { api: started }
            replicas: 2
            profiles: [jobs]
        """;

    [Fact]
    public void Exporting_to_compose_and_importing_it_back_gives_the_same_services()
    {
        using var project = new ExportProject(Original);
        var before = project.Load("jobs");
        var images = new[] { "db", "migrate", "api", "worker" }.ToImmutableDictionary(n => n, n => $"registry.example.com/shop/{n}:1.0");
        var exported = ComposeExporter.Export(before, new ExportOptions(project.Output) { Images = images });
        var compose = ExportProject.WriteTo(project.Output, exported).Single();

        var imported = Importer.Import(compose, new ImportOptions(project.Output));
        var yaml = AuroraYamlWriter.Write(imported);
        var loaded = ConfigLoader.Parse(yaml, Path.Combine(project.Output, "aurora.yaml"), project.Output, _ => true, profiles: ["jobs"]);
        Assert.True(loaded.Ok, string.Join('\n', loaded.Diagnostics) + "\n" + yaml);
        Assert.Empty(loaded.Diagnostics);
        var after = loaded.Config!;

        Assert.Equal(Names(before), Names(after));
        foreach (var was in before.Declared)
        {
            var now = after.Declared.Single(s => s.Name == was.Name);
            Assert.Equal(was.Command, now.Command);
            Assert.Equal(was.Shell, now.Shell);
            Assert.Equal(was.Environment, now.Environment);
            Assert.Equal(was.Ports, now.Ports);
            Assert.Equal(was.DependsOn, now.DependsOn);
            Assert.Equal(was.Health is null, now.Health is null);
            if (was.Health is { } health)
            {
                Assert.Equal(health.ExecArgv, now.Health!.ExecArgv);
                Assert.Equal(health with { ExecArgv = [] }, now.Health with { ExecArgv = [] });
            }

            Assert.Equal(was.Restart.Policy, now.Restart.Policy);
            Assert.Equal(was.Stop, now.Stop);
            Assert.Equal(was.Limits.MemoryBytes, now.Limits.MemoryBytes);
            Assert.Equal(was.Limits.CpuPercent, now.Limits.CpuPercent);
            Assert.Equal(was.Replicas, now.Replicas);
            Assert.Equal(was.Profiles, now.Profiles);
        }
    }

    private static string[] Names(AuroraConfig config) => [.. config.Declared.Select(s => s.Name).Order(StringComparer.Ordinal)];
}
