using System.Collections.Immutable;
using Aurora.Porting.Export;
using Aurora.Porting.Export.Kubernetes;

namespace Aurora.Porting.Tests.Export;

public sealed class KubernetesExportTests
{
    private static ImmutableDictionary<string, string> ImagesFor(params string[] names) =>
        names.ToImmutableDictionary(n => n, n => $"registry.example.com/shop/{n}:1.0");

    [Fact(Timeout = 60_000)]
    public async Task Demo_exports_manifests_the_kubernetes_schemas_accept()
    {
        var config = ExportProject.LoadDemo();
        using var scratch = new ExportProject("version: 1\nservices: {}\n");
        var options = new ExportOptions(scratch.Output) { Images = ImagesFor("db", "migrate", "api", "chat", "worker", "report") };
        var result = KubernetesExporter.Export(config, options);
        await SchemaCheck.AssertValidAsync("kubernetes", scratch.Write(result).Single());

        var text = result.File("kubernetes.yaml").Text;
        Assert.Contains("kind: Job\nmetadata:\n  name: migrate\n", text);
        Assert.Contains("kind: CronJob\nmetadata:\n  name: report\n", text);
        Assert.Contains("  schedule: \"* * * * *\"\n", text);
        Assert.Contains("kind: Deployment\nmetadata:\n  name: chat-2\n", text);
        Assert.Contains("          secretKeyRef:\n              name: demo-secrets\n              key: api.API_TOKEN\n", text.Replace("            secretKeyRef", "          secretKeyRef"));
        Assert.Contains("#   kubectl create secret generic demo-secrets --from-literal=api.API_TOKEN=...", text);
        Assert.DoesNotContain("demo-secret-token", text);
        Assert.Contains("- until nc -z -w 2 db 6390; do echo waiting for db:6390; sleep 2; done", text);
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_mapped_key_is_carried_and_the_schemas_accept_it()
    {
        using var project = ExportConfigs.FullProject();
        var options = new ExportOptions(project.Output) { Images = ImagesFor(ExportConfigs.Names), WorkDir = "/srv/shop", WaitImage = "registry.example.com/tools/busybox:1.36" };
        var result = KubernetesExporter.Export(project.Load(), options);
        await SchemaCheck.AssertValidAsync("kubernetes", project.Write(result).Single());

        var text = result.File("kubernetes.yaml").Text;
        Assert.Contains("""
                  containers:
                  - name: api
                    image: registry.example.com/shop/api:1.0
                    command:
                    - ./bin/serve
                    - "--name"
                    - 100% $HOME
                    - two words
                    workingDir: /srv/shop/app
                    env:
                    - name: MODE
                      value: a "quoted" % $HOME value
                    - name: SHARED
                      value: from env
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: shop-secrets
                          key: api.DB_PASSWORD
                    envFrom:
                    - secretRef:
                        name: api-env
                    ports:
                    - containerPort: 8080
                    resources:
                      limits:
                        memory: 256Mi
                        cpu: 1500m
                    livenessProbe:
                      httpGet:
                        path: /health?deep=1
                        port: 8080
                        scheme: HTTP
                      periodSeconds: 5
                      timeoutSeconds: 2
                      failureThreshold: 4
                    readinessProbe:
                      httpGet:
                        path: /health?deep=1
                        port: 8080
                        scheme: HTTP
                      periodSeconds: 5
                      timeoutSeconds: 2
                      failureThreshold: 4
                    startupProbe:
                      httpGet:
                        path: /health?deep=1
                        port: 8080
                        scheme: HTTP
                      periodSeconds: 5
                      timeoutSeconds: 2
                      failureThreshold: 7

            """.Replace("\r", ""), text);
        Assert.Contains("      initContainers:\n      - name: wait-db\n        image: registry.example.com/tools/busybox:1.36\n", text);
        Assert.Contains("      - name: wait-api\n", text);
        Assert.Contains("  replicas: 3\n", text);
        Assert.Contains("          tcpSocket:\n            port: 5432\n          periodSeconds: 1\n", text);
        Assert.Contains("          exec:\n            command:\n            - sh\n            - \"-c\"\n            - test -e /tmp/ok\n", text);
        Assert.Contains("  schedule: 30 2 * * MON-FRI\n  timeZone: Europe/Berlin\n  concurrencyPolicy: Forbid\n", text);
        Assert.Contains("      terminationGracePeriodSeconds: 20\n", text);
        Assert.Contains("kind: Service\nmetadata:\n  name: api\n", text);
        Assert.DoesNotContain("hunter22", text);
        Assert.DoesNotContain("name: debugger", text);
        Assert.Contains(result.Omissions, o => o is { Service: "db", What: "health.interval" } && o.Why.Contains("1s"));
        Assert.Contains(result.Omissions, o => o is { Service: "db", What: "stop.signal" });
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "limits.pids" });
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "depends_on.migrate: completed" });
        Assert.Contains(result.Omissions, o => o is { Service: "cache", What: "cwd" } is false);
        Assert.Contains(result.Omissions, o => o is { Service: "tick", What: "the service" } && o.Why.Contains("divide"));
        Assert.Contains(result.Omissions, o => o is { Service: "debugger", What: "profiles: debug" });
    }

    [Fact(Timeout = 60_000)]
    public async Task A_selected_profile_is_exported()
    {
        using var project = ExportConfigs.FullProject();
        var options = new ExportOptions(project.Output) { Images = ImagesFor(ExportConfigs.Names), Profiles = ["debug"] };
        var result = KubernetesExporter.Export(project.Load(), options);
        await SchemaCheck.AssertValidAsync("kubernetes", project.Write(result).Single());
        Assert.Contains("  name: debugger\n", result.File("kubernetes.yaml").Text);
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "cwd" });
    }
}
