using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Daemon;

/// The real `aurora` binary with two config files (`-f aurora.yaml -f dev.yaml`) and a variable from the
/// environment: the detached daemon runs the merge, remembers both files for `reload`, and names the file a
/// reload's error is in; `aurora config` and `aurora validate` read the same merge without a daemon.
public class SeveralFilesTests
{
    private const string Base = """
        services:
          web:
            command: ["sh", "-c", "echo greeting=${GREETING} mode=$$MODE; exec sleep 1000"]
            env: { MODE: base, API_TOKEN: "${API_TOKEN}" }
        """;

    private const string Dev = """
        services:
          web:
            env: { MODE: dev }
          extra:
            command: ["sh", "-c", "echo extra v1; exec sleep 1000"]
        """;

    private static readonly Dictionary<string, string> Variables = new() { ["GREETING"] = "hello-from-env", ["API_TOKEN"] = "tok-12345678" };

    [Fact(Timeout = 120000)]
    public async Task Up_runs_the_merged_files_with_variables_and_reload_reads_both_files_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        project.WriteFile("dev.yaml", Dev);

        var up = await project.CliWith(Variables, ct, "up", "-d", "-f", "aurora.yaml", "-f", "dev.yaml");
        Assert.True(up.ExitCode == 0, up.Output);
        using var client = new ControlClient(project.Paths);
        var health = await client.GetAsync("/healthz", AuroraJsonContext.Default.HealthzDto, ct);
        Assert.Equal([project.ConfigPath, Path.Combine(project.Dir, "dev.yaml")], health.Files);
        await FollowLogUntil(project, "web", "greeting=hello-from-env mode=dev", ct);
        var before = await WaitForServices(project, rows => rows.Count == 2 && rows.All(r => r is { State: "running", Pid: not null }), ct);

        // Only the second file changes; the daemon reads the list it was started with, whatever -f reload is given.
        project.WriteFile("dev.yaml", Dev.Replace("extra v1", "extra v2"));
        var reload = await project.Cli(ct, "reload", "-f", "aurora.yaml");
        Assert.True(reload.ExitCode == 0, reload.Output);
        Assert.Contains("extra (command)", reload.Output);
        Assert.Contains($"aurora: warning: the daemon reads {project.ConfigPath} + {Path.Combine(project.Dir, "dev.yaml")}, the files it was started with", reload.Output);
        await FollowLogUntil(project, "extra", "extra v2", ct);
        var after = await WaitForServices(project, rows => rows.Single(r => r.Name == "extra") is { State: "running", Pid: { } pid } && pid != Pid(before, "extra"), ct);
        Assert.Equal(Pid(before, "web"), Pid(after, "web"));

        project.WriteFile("dev.yaml", "services:\n  extra:\n    comand: x\n");
        var rejected = await project.Cli(ct, "reload");
        Assert.True(rejected.ExitCode == 2, rejected.Output);
        Assert.Contains("dev.yaml:3:5: services.extra.comand: unknown key", rejected.Output);
        Assert.Contains("aurora.yaml + dev.yaml has 1 problem(s); nothing was changed", rejected.Output);
        var still = await WaitForServices(project, _ => true, ct);
        Assert.Equal(after.Select(r => (r.Name, r.Pid)), still.Select(r => (r.Name, r.Pid)));

        Assert.Equal(0, (await project.Cli(ct, "down")).ExitCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Config_prints_the_merge_interpolated_with_secrets_masked_and_validate_checks_the_merge()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(Base);
        project.WriteFile("dev.yaml", Dev);

        var yaml = await project.CliWith(Variables, ct, "config", "-f", "aurora.yaml", "-f", "dev.yaml");
        Assert.True(yaml.ExitCode == 0, yaml.Output);
        Assert.Equal("""
            services:
              web:
                command: [sh, -c, echo greeting=hello-from-env mode=$$MODE; exec sleep 1000]
                env:
                  MODE: dev
                  API_TOKEN: "***"
              extra:
                command: [sh, -c, echo extra v1; exec sleep 1000]

            """, yaml.Output);

        var json = await project.CliWith(Variables, ct, "config", "--json", "-f", "aurora.yaml", "-f", "dev.yaml");
        using (var document = JsonDocument.Parse(json.Output))
        {
            var web = document.RootElement.GetProperty("services").GetProperty("web");
            Assert.Equal("echo greeting=hello-from-env mode=$MODE; exec sleep 1000", web.GetProperty("command")[2].GetString());
            Assert.Equal("***", web.GetProperty("env").GetProperty("API_TOKEN").GetString());
        }

        var valid = await project.CliWith(Variables, ct, "validate", "-f", "aurora.yaml", "-f", "dev.yaml");
        Assert.True(valid.ExitCode == 0, valid.Output);
        Assert.Contains("aurora.yaml + dev.yaml: ok (2 services)", valid.Output);

        var unset = await project.Cli(ct, "validate", "-f", "aurora.yaml", "-f", "dev.yaml");
        Assert.Equal(0, unset.ExitCode);
        Assert.Contains("aurora.yaml:3:27: warning: services.web.command[2]: ${GREETING} is not set", unset.Output);

        project.WriteFile("dev.yaml", "services:\n  web:\n    ports: [\"${GREETING}\"]\n");
        var bad = await project.CliWith(Variables, ct, "config", "-f", "aurora.yaml", "-f", "dev.yaml");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("dev.yaml:3:13: services.web.ports[0]: \"hello-from-env\" is not a whole number", bad.Output);
        Assert.DoesNotContain("services:", bad.Output);
    }

    private static int? Pid(IReadOnlyList<ServiceDto> rows, string name) => rows.Single(r => r.Name == name).Pid;

    /// The services as the daemon has them, from one read and then its event stream, once `ready` holds.
    private static async Task<IReadOnlyList<ServiceDto>> WaitForServices(TestProject project, Func<IReadOnlyList<ServiceDto>, bool> ready, CancellationToken ct)
    {
        using var client = new ControlClient(project.Paths, Timeout.InfiniteTimeSpan);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        async Task<IReadOnlyList<ServiceDto>> Follow()
        {
            var view = await ServiceView.ReadAsync(client, deadline.Token);
            if (ready(view.Rows))
            {
                return view.Rows;
            }

            await foreach (var m in EventStream.FollowAsync(client, view.Seq, deadline.Token))
            {
                if (m.Event is { } e && view.Apply(e) && ready(view.Rows))
                {
                    return view.Rows;
                }
            }

            throw new InvalidOperationException("the event stream ended");
        }

        try
        {
            return await Follow().DefaultTimeout();
        }
        finally
        {
            await deadline.CancelAsync();
        }
    }

    /// Follows `aurora logs NAME -f` until a line holds the text.
    private static async Task FollowLogUntil(TestProject project, string service, string text, CancellationToken ct)
    {
        var lines = new LineSink();
        var logs = new PosixProcessLauncher().Start(new ProcessSpec([AuroraBinary.Path, "logs", service, "-f", "-n", "100"], project.Dir,
            TestChild.BaseEnvironment, null, lines));
        try
        {
            await lines.WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal)).WaitAsync(ct).DefaultTimeout();
        }
        finally
        {
            await logs.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(2), CancellationToken.None).DefaultTimeout();
        }
    }
}
