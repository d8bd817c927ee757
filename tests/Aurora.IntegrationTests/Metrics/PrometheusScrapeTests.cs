using System.Diagnostics;
using System.Text.Json;
using Aurora.Core.Events;
using Aurora.Core.Timing;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Metrics;

/// A real Prometheus (Debian's /usr/bin/prometheus) scrapes a running daemon's dashboard listener with the
/// bearer token from .aurora/token, and a series comes back through Prometheus's own HTTP API.
public class PrometheusScrapeTests
{
    private const string Prometheus = "/usr/bin/prometheus";

    [Fact(Timeout = 120000)]
    public async Task Prometheus_scrapes_the_daemon_with_the_token_and_answers_a_query_for_its_services()
    {
        Assert.SkipUnless(File.Exists(Prometheus), $"{Prometheus} is missing (Debian package prometheus; ./test.sh installs it)");
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var project = TestProject.Create($$"""
            version: 1
            services:
              sleeper: { command: ["sleep", "1000"] }
            dashboard: { listen: "127.0.0.1:{{port}}" }
            """);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(e => e.Type == EventTypes.ServiceStarted && e.Service == "sleeper");

        var home = Directory.CreateTempSubdirectory("aurora-prometheus-").FullName;
        var webPort = FreePort.Next();
        var config = Path.Combine(home, "prometheus.yml");
        await File.WriteAllTextAsync(config, $$"""
            global: { scrape_interval: 1s, evaluation_interval: 1s }
            scrape_configs:
              - job_name: aurora
                scrape_interval: 1s
                scrape_timeout: 1s
                authorization: { type: Bearer, credentials_file: "{{project.Paths.Token}}" }
                static_configs: [{ targets: ["127.0.0.1:{{port}}"] }]
            """, ct);
        using var prometheus = Process.Start(new ProcessStartInfo(Prometheus,
        [
            "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(home, "data"),
            $"--web.listen-address=127.0.0.1:{webPort}", "--log.level=warn",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = new System.Text.StringBuilder();
        prometheus.OutputDataReceived += (_, e) => Append(log, e.Data);
        prometheus.ErrorDataReceived += (_, e) => Append(log, e.Data);
        prometheus.BeginOutputReadLine();
        prometheus.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromSeconds(5) };
            JsonElement? found = null;
            var answered = await Poll.UntilAsync(async () =>
            {
                if (prometheus.HasExited)
                {
                    return true;
                }

                found = await QueryAsync(http, "aurora_service_up", ct);
                return found is not null;
            }, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(60), TimeProvider.System, ct);

            Assert.True(answered && found is not null, $"Prometheus never returned aurora_service_up (exited: {prometheus.HasExited}):\n{Log(log)}");
            var sample = found!.Value;
            Assert.Equal("sleeper", sample.GetProperty("metric").GetProperty("service").GetString());
            Assert.Equal("aurora", sample.GetProperty("metric").GetProperty("job").GetString());
            Assert.Equal("1", sample.GetProperty("value")[1].GetString());
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync(CancellationToken.None).DefaultTimeout();
            Directory.Delete(home, recursive: true);
        }
    }

    /// The first sample of an instant query's answer, or null while Prometheus has none (or is not up yet).
    private static async Task<JsonElement?> QueryAsync(HttpClient http, string query, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(query), ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var result = json.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() > 0 ? result[0].Clone() : null;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    private static void Append(System.Text.StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static string Log(System.Text.StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
