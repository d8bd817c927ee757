using System.Text.Json;
using Aurora.Core.Config;
using Aurora.Core.Reload;

namespace Aurora.Core.Tests.Config;

/// `aurora config`: the merged, interpolated document, rendered in the first file's order with what later files
/// add after it, and with secrets masked (SPEC §7).
public sealed class ConfigDocumentTests : IDisposable
{
    private const string Base = """
        version: 1
        services:
          api:
            command: ["python3", "-m", "http.server", "${PORT:-5001}"]
            env:
              API_KEY: "${API_KEY}"
              DATABASE_URL: postgres://app:hunter22@db/app
              PORT: "5001"
              MODE: dev
            ports: [5001]
            health: { http: "http://127.0.0.1:5001/", interval: 5s }
          worker:
            command: |
              sh -c 'echo working
              sleep 1000'
            env: {}
        """;

    private const string Dev = """
        services:
          api:
            env: { MODE: debug, EXTRA: "yes", COST: "5$$" }
            command: ["python3", "app.py", "--key", "${API_KEY}", "--url=postgres://u:p4ss@h/db", "# not a comment", ""]
          cache:
            command: ["redis-server", "--port", "6390"]
            depends_on: { api: started }
        healing: { enabled: false }
        """;

    private static readonly Dictionary<string, string> Variables = new() { ["API_KEY"] = "sekrit-key-123" };

    private static readonly Dictionary<string, string> NoVariables = [];

    private readonly TempProject _project = new();

    public ConfigDocumentTests() => _project.WithFile("base.yaml", Base).WithFile("dev.yaml", Dev);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Renders_the_merge_as_yaml_in_the_first_files_order_with_secrets_masked()
    {
        var yaml = _project.LoadFiles(Variables, "base.yaml", "dev.yaml").Document!.ToYaml();

        Assert.Equal("""
            version: 1
            services:
              api:
                command: [python3, app.py, --key, "***", --url=postgres://u:***@h/db, "# not a comment", ""]
                env:
                  API_KEY: "***"
                  DATABASE_URL: postgres://app:***@db/app
                  PORT: "5001"
                  MODE: debug
                  EXTRA: "yes"
                  COST: 5$$
                ports: [5001]
                health:
                  http: http://127.0.0.1:5001/
                  interval: 5s
              worker:
                command: "sh -c 'echo working\nsleep 1000'\n"
                env: {}
              cache:
                command: [redis-server, --port, "6390"]
                depends_on:
                  api: started
            healing:
              enabled: false

            """, yaml);
        Assert.DoesNotContain("sekrit", yaml);
        Assert.DoesNotContain("hunter22", yaml);
    }

    [Fact]
    public void Renders_json_with_plain_values_typed_and_quoted_ones_as_strings()
    {
        using var json = JsonDocument.Parse(_project.LoadFiles(Variables, "base.yaml", "dev.yaml").Document!.ToJson());
        var api = json.RootElement.GetProperty("services").GetProperty("api");

        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(5001, api.GetProperty("ports")[0].GetInt32());
        Assert.Equal("5001", api.GetProperty("env").GetProperty("PORT").GetString());
        Assert.Equal("***", api.GetProperty("env").GetProperty("API_KEY").GetString());
        Assert.Equal("5$", api.GetProperty("env").GetProperty("COST").GetString());
        Assert.Equal("***", api.GetProperty("command")[3].GetString());
        Assert.False(json.RootElement.GetProperty("healing").GetProperty("enabled").GetBoolean());
        Assert.Equal(["version", "services", "healing"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_yaml_of_a_config_without_secrets_reads_back_as_the_same_config()
    {
        _project.WithFile("plain.yaml", """
            services:
              api:
                command: ["sh", "-c", "echo $$HOME costs 5$$; echo '# x: y'\n", "", "-", "007", "${GREETING:-hi} there"]
                env: { A: "1", B: yes, C: "", D: ~, E: "tab\tand \"quotes\"" }
                ports: [5001, "5002"]
                restart: { policy: always, backoff: { initial: 100ms } }
              web: { command: "python3 -m http.server", depends_on: [api] }
            maintenance: { temp: [{ path: ./tmp, older_than: 1d }] }
            """);
        var first = _project.LoadFiles(NoVariables, "plain.yaml");
        _project.WithFile("merged.yaml", first.Document!.ToYaml());

        var again = _project.LoadFiles(NoVariables, "merged.yaml");
        var plan = ReloadPlanner.Plan(first.Config!, again.Config!);

        Assert.True(again.Ok, string.Join("\n", again.Diagnostics));
        Assert.Equal(["api", "web"], plan.Unchanged);
        Assert.Empty(plan.Settings);
        Assert.Equal(first.Config!.Maintenance.Temp, again.Config!.Maintenance.Temp);
        Assert.Equal(["sh", "-c", "echo $HOME costs 5$; echo '# x: y'\n", "", "-", "007", "hi there"], again.Config.Find("api")!.Command);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("'007'", "\"007\"")]
    [InlineData("007", "007")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("'~'", "\"~\"")]
    [InlineData("~", "null")]
    [InlineData("'a: b'", "\"a: b\"")]
    [InlineData("'-'", "\"-\"")]
    [InlineData("-x", "-x")]
    [InlineData("' lead'", "\" lead\"")]
    [InlineData("\"tab\\there\"", "\"tab\\there\"")]
    [InlineData("'say \"hi\" \\ bye'", "say \"hi\" \\ bye")]
    [InlineData("\"q\\\" \\\\ \\n\"", "\"q\\\" \\\\ \\n\"")]
    [InlineData("'@home'", "\"@home\"")]
    public void Each_scalar_is_plain_only_when_it_reads_back_the_same(string source, string written)
    {
        _project.WithFile("aurora.yaml", $"services:\n  api: {{ command: python3 }}\nx: {source}\n");

        var yaml = _project.LoadFiles(NoVariables, "aurora.yaml").Document!.ToYaml();

        Assert.EndsWith($"\nx: {written}\n", yaml);
    }

    [Fact]
    public void A_value_holding_a_secret_from_the_environment_or_a_services_secret_env_is_masked_wherever_it_stands()
    {
        _project.WithFile("aurora.yaml", """
            services:
              api:
                command: "run --db ${DB_PASSWORD} --hook ${HOOK}"
                env: { SESSION_SECRET: "abcd-1234", GIT_AUTHOR_NAME: "me" }
              job:
                command: ["echo", "abcd-1234", "API_TOKEN=xyz"]
            """);

        var yaml = _project.LoadFiles(new Dictionary<string, string> { ["DB_PASSWORD"] = "pw-99999", ["HOOK"] = "h" }, "aurora.yaml").Document!.ToYaml();

        Assert.Contains("command: run --db *** --hook h\n", yaml);
        Assert.Contains("SESSION_SECRET: \"***\"\n", yaml);
        Assert.Contains("GIT_AUTHOR_NAME: me\n", yaml);
        Assert.Contains("command: [echo, \"***\", API_TOKEN=***]\n", yaml);
    }

    [Fact]
    public void Lists_of_collections_are_written_in_block_style_and_long_lists_of_scalars_too()
    {
        _project.WithFile("aurora.yaml", $$"""
            x:
              - [a, b]
              - []
              - - y
                - {k: v, z: [1]}
              - {}
              - {m: {n: o}, p: q}
            long: [{{string.Join(", ", Enumerable.Repeat("abcdefghij", 10))}}]
            """);

        var yaml = _project.LoadFiles(NoVariables, "aurora.yaml").Document!.ToYaml();

        Assert.Equal($$"""
            x:
              - [a, b]
              - []
              - - y
                - k: v
                  z: [1]
              - {}
              - m:
                  n: o
                p: q
            long:
            {{string.Concat(Enumerable.Repeat("  - abcdefghij\n", 10))}}
            """, yaml);
    }
}
