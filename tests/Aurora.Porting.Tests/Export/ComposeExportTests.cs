using System.Collections.Immutable;
using Aurora.Porting.Export;
using Aurora.Porting.Export.Compose;

namespace Aurora.Porting.Tests.Export;

public sealed class ComposeExportTests
{
    private static ImmutableDictionary<string, string> ImagesFor(params string[] names) =>
        names.ToImmutableDictionary(n => n, n => $"registry.example.com/shop/{n}:1.0");

    [Fact(Timeout = 60_000)]
    public async Task Demo_exports_a_compose_file_the_compose_schema_accepts()
    {
        var config = ExportProject.LoadDemo();
        using var scratch = new ExportProject("version: 1\nservices: {}\n");
        var options = new ExportOptions(scratch.Output) { Images = ImagesFor("db", "migrate", "api", "chat", "worker", "report") };
        var result = ComposeExporter.Export(config, options);
        var files = scratch.Write(result);
        await SchemaCheck.AssertValidAsync("compose", files.Single());

        var text = result.File("compose.yaml").Text;
        Assert.Contains("  chat-1:\n", text);
        Assert.Contains("      PORT: \"5022\"\n", text);
        Assert.Contains("      API_TOKEN: \"${API_TOKEN:?", text);
        Assert.DoesNotContain("demo-secret-token", text);
        Assert.Contains("      migrate:\n        condition: service_completed_successfully\n", text);
        Assert.Contains(result.Omissions, o => o is { Service: "report", What: "the service" } && o.Why.Contains("no schedules"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_mapped_key_is_carried_and_the_schema_accepts_it()
    {
        using var project = ExportConfigs.FullProject();
        var options = new ExportOptions(project.Output) { Images = ImagesFor(ExportConfigs.Names), WorkDir = "/srv/shop" };
        var result = ComposeExporter.Export(project.Load(), options);
        await SchemaCheck.AssertValidAsync("compose", project.Write(result).Single());

        var text = result.File("compose.yaml").Text;
        Assert.Contains("""
              api:
                image: registry.example.com/shop/api:1.0
                command:
                - ./bin/serve
                - "--name"
                - 100% $$HOME
                - two words
                working_dir: /srv/shop/app
                env_file:
                - ../shop/app.env
                environment:
                  MODE: a "quoted" % $$HOME value
                  SHARED: from env
                  DB_PASSWORD: "${DB_PASSWORD:?DB_PASSWORD is secret-named: set it in the environment or the .env beside compose.yaml}"
                depends_on:
                  db:
                    condition: service_started
                  migrate:
                    condition: service_completed_successfully
                healthcheck:
                  test:
                  - CMD
                  - wget
                  - "-q"
                  - "-O"
                  - /dev/null
                  - http://127.0.0.1:8080/health?deep=1
                  interval: 5s
                  timeout: 2s
                  retries: 4
                  start_period: 12s
                restart: always
                stop_signal: SIGTERM
                stop_grace_period: 10s
                ports:
                - 8080:8080
                pids_limit: 64
                deploy:
                  resources:
                    limits:
                      cpus: 1.5
                      memory: 256m

            """.Replace("\r", ""), text);
        Assert.Contains("    stop_signal: SIGINT\n    stop_grace_period: 20s\n", text);
        Assert.Contains("      test:\n      - CMD\n      - nc\n      - \"-z\"\n      - 127.0.0.1\n      - \"5432\"\n      interval: 500ms\n", text);
        Assert.Contains("    command:\n    - /bin/sh\n    - \"-c\"\n    - echo $$HOME && sleep 5\n", text);
        Assert.Contains("    deploy:\n      replicas: 3\n", text);
        Assert.Contains("    profiles:\n    - debug\n", text);
        Assert.Contains("      db:\n        condition: service_started\n", text);
        Assert.Contains("      api:\n        condition: service_healthy\n", text);
        Assert.Contains("    restart: \"no\"\n", text);
        Assert.DoesNotContain("hunter22", text);
        Assert.DoesNotContain("FROM_FILE", text);
        Assert.Contains(result.Omissions, o => o is { Service: "worker", What: "replicas" });
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "umask" });
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "health.http" } && o.Why.Contains("wget"));
        Assert.Contains(result.Omissions, o => o is { Service: "db", What: "health.tcp" } && o.Why.Contains("nc"));
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "depends_on.db: ready" });
        Assert.Contains(result.Omissions, o => o is { Service: "tick", What: "the service" });
    }

    [Fact]
    public void A_service_without_an_image_is_listed_and_not_written()
    {
        using var project = ExportConfigs.FullProject();
        var result = ComposeExporter.Export(project.Load(), new ExportOptions(project.Output) { Images = ImagesFor("db", "api") });
        var text = result.File("compose.yaml").Text;
        Assert.DoesNotContain("  migrate:", text);
        Assert.Contains(result.Omissions, o => o is { Service: "migrate", What: "the service" } && o.Why.Contains("--image migrate=REF"));
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "depends_on.migrate: completed" } && o.Why.Contains("not exported"));
        Assert.DoesNotContain("image: \n", text);
    }
}
