using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Tests.Config;

/// `${VAR}` and its Compose forms (SPEC §3), substituted in the config's values before they are read.
public sealed class InterpolationTests : IDisposable
{
    private static readonly Dictionary<string, string> Variables = new() { ["SET"] = "v", ["EMPTY"] = "", ["PORT"] = "7001" };

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("${SET}", "v")]
    [InlineData("$SET/x", "v/x")]
    [InlineData("${SET}${SET}-$SET", "vv-v")]
    [InlineData("${EMPTY}", "")]
    [InlineData("${UNSET:-d}", "d")]
    [InlineData("${EMPTY:-d}", "d")]
    [InlineData("${EMPTY-d}", "")]
    [InlineData("${UNSET-d}", "d")]
    [InlineData("${SET:-d}", "v")]
    [InlineData("${UNSET:-${SET}:${PORT}}", "v:7001")]
    [InlineData("${SET:+on}", "on")]
    [InlineData("${EMPTY:+on}", "")]
    [InlineData("${EMPTY+on}", "on")]
    [InlineData("${UNSET+on}", "")]
    [InlineData("${EMPTY?}", "")]
    [InlineData("$$SET and $${SET} and a$$b", "$SET and ${SET} and a$b")]
    [InlineData("echo $(umask) $1 $? costs 5$", "echo $(umask) $1 $? costs 5$")]
    public void Each_form_substitutes_as_compose_does(string text, string expected)
    {
        var issues = new List<InterpolationIssue>();

        Assert.Equal(expected, Interpolation.Apply(text, Variables.GetValueOrDefault, "the .env", issues));
        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("${NOPE}", false, "${NOPE} is not set, so an empty string stands in for it; export NOPE=…, put it in the .env, or give a default: ${NOPE:-value}")]
    [InlineData("$NOPE", false, "$NOPE is not set, so an empty string stands in for it; export NOPE=…, put it in the .env, or give a default: ${NOPE:-value}")]
    [InlineData("${NOPE:?set it to the API's URL}", true, "${NOPE} is not set: set it to the API's URL; export NOPE=… or put it in the .env")]
    [InlineData("${EMPTY:?}", true, "${EMPTY} is empty: it is required; export EMPTY=… or put it in the .env")]
    [InlineData("${A B}", true, "\"${A B}\" is not a variable reference; write ${NAME}, ${NAME:-default} or ${NAME:?message} (a name is letters, digits and _), and $$ for a literal $")]
    public void An_unset_or_required_or_malformed_reference_is_reported(string text, bool isError, string message)
    {
        var issues = new List<InterpolationIssue>();

        Interpolation.Apply(text, Variables.GetValueOrDefault, "the .env", issues);

        Assert.Equal([new InterpolationIssue(isError, issues[0].Variable, message)], issues);
    }

    [Fact]
    public void A_default_is_only_interpolated_when_it_is_used()
    {
        var issues = new List<InterpolationIssue>();

        Assert.Equal("v", Interpolation.Apply("${SET:-${NOPE:?never asked}}", Variables.GetValueOrDefault, "the .env", issues));
        Assert.Empty(issues);
    }

    [Fact]
    public void The_loader_warns_about_an_unset_variable_at_its_value_naming_it_and_uses_an_empty_string()
    {
        var result = Load("""
            services:
              api:
                command: ["sh", "-c", "echo hello ${WHO}"]
            """, []);

        Assert.Equal(["sh", "-c", "echo hello "], result.Config!.Find("api")!.Command);
        Assert.Equal(
            ["aurora.yaml:3:27: warning: services.api.command[2]: ${WHO} is not set, so an empty string stands in for it; export WHO=…, put it in the .env beside aurora.yaml, or give a default: ${WHO:-value}"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_required_variable_that_is_unset_is_an_error_positioned_at_its_value()
    {
        var result = Load("""
            services:
              api:
                command: python3
                env: { DATABASE_URL: "${DATABASE_URL:?ask ops for the URL}" }
            """, []);

        Assert.Null(result.Config);
        Assert.Equal(
            ["aurora.yaml:4:26: services.api.env.DATABASE_URL: ${DATABASE_URL} is not set: ask ops for the URL; export DATABASE_URL=… or put it in the .env beside aurora.yaml"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Typed_values_are_read_after_interpolation()
    {
        var config = Load("""
            services:
              api:
                command: ["python3", "-m", "http.server", "$PORT"]
                ports: ["${PORT}", $OTHER_PORT]
                restart:
                  limit:
                    count: ${COUNT:-7}
                stop: { timeout: "${GRACE}" }
                replicas: ${N}
            healing:
              enabled: ${HEAL}
            """, new() { ["PORT"] = "7001", ["OTHER_PORT"] = "7002", ["GRACE"] = "3s", ["HEAL"] = "false", ["N"] = "2" }).Config!;

        var api = config.Find("api-1")!;
        Assert.Equal(["api-1", "api-2"], config.Services.Select(s => s.Name));
        Assert.Equal(["python3", "-m", "http.server", "7001"], api.Command);
        Assert.Equal([7001, 7002], api.Ports);
        Assert.Equal(7, api.Restart.Limit.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), api.Stop.Timeout);
        Assert.False(config.Healing.Enabled);
    }

    [Fact]
    public void A_typed_value_that_interpolates_to_something_else_is_an_error_at_its_position()
    {
        var problems = Load("services:\n  api:\n    command: python3\n    ports: [\"${PORT}\"]\n", new() { ["PORT"] = "eighty" })
            .Diagnostics.Select(d => d.ToString());

        Assert.Equal(["aurora.yaml:4:13: services.api.ports[0]: \"eighty\" is not a whole number; use 1 to 65535"], problems);
    }

    [Fact]
    public void Keys_are_not_interpolated_and_a_value_that_comes_out_empty_is_an_empty_string()
    {
        var api = Load("services:\n  api:\n    command: python3\n    env:\n      $KEY: x\n      B: ${EMPTY}\n      C: $$HOME\n", new() { ["KEY"] = "k", ["EMPTY"] = "" })
            .Config!.Find("api")!;

        Assert.Equal(new Dictionary<string, string> { ["$KEY"] = "x", ["B"] = "", ["C"] = "$HOME" }, api.Environment);
    }

    [Fact]
    public void The_env_beside_the_first_file_gives_values_and_the_environment_wins_over_it()
    {
        _project.WithFile(".env", "FROM_FILE=file\nBOTH=file\n")
            .WithFile("overrides/.env", "ONLY_BESIDE_SECOND=no\n")
            .WithFile("aurora.yaml", "services:\n  api: { command: python3 }\n")
            .WithFile("overrides/dev.yaml", "services:\n  api:\n    env: { A: \"${FROM_FILE}\", B: \"${BOTH}\", C: \"${ONLY_BESIDE_SECOND:-unset}\" }\n");

        var result = _project.LoadFiles(new Dictionary<string, string> { ["BOTH"] = "environment" }, "aurora.yaml", "overrides/dev.yaml");

        Assert.Equal(new Dictionary<string, string> { ["A"] = "file", ["B"] = "environment", ["C"] = "unset" }, result.Config!.Find("api")!.Environment);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_bad_line_in_the_env_is_a_warning_there_and_the_rest_of_it_is_used()
    {
        _project.WithFile(".env", "GOOD=1\nnot a pair\n");

        var result = Load("services:\n  api: { command: python3, env: { A: \"${GOOD}\" } }\n", []);

        Assert.Equal("1", result.Config!.Find("api")!.Environment["A"]);
        Assert.Equal([".env:2:1: warning: line is not KEY=VALUE; use NAME=value, and # for comments; the line is left out of ${…} in the config"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_config_without_variables_never_reads_the_env()
    {
        _project.WithFile(".env", "not a pair\n");

        Assert.Empty(Load("services:\n  api: { command: python3, env: { A: \"$$5\" } }\n", []).Diagnostics);
    }

    [Fact]
    public void An_alias_used_twice_is_interpolated_in_both_places_and_warns_once()
    {
        var result = Load("""
            services:
              a: &svc { command: ["python3", "${N:-1}${NOPE}"] }
              b: *svc
            """, []);

        Assert.Equal(["python3", "1"], result.Config!.Find("b")!.Command);
        Assert.Single(result.Diagnostics);
    }

    private Aurora.Core.Config.ConfigLoadResult Load(string yaml, Dictionary<string, string> variables)
    {
        _project.WithFile("aurora.yaml", yaml);
        return _project.LoadFiles(variables, "aurora.yaml");
    }
}
