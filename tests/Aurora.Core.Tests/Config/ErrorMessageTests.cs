namespace Aurora.Core.Tests.Config;

/// Pins the exact text of each kind of problem: users read these, scripts grep them.
public sealed class ErrorMessageTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Unknown_key_suggests_the_nearest_known_key()
    {
        var problems = _project.Problems("""
            services:
              api:
                comand: python3 app.py
            """);

        // The misspelling is the one problem: no second "command is missing" error.
        Assert.Equal(["aurora.yaml:3:5: services.api.comand: unknown key \"comand\"; did you mean `command`?"], problems);
    }

    [Fact]
    public void Unknown_key_without_a_near_match_lists_the_allowed_keys()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3 app.py
                restart: { flavour: vanilla }
            """);

        Assert.Equal(["aurora.yaml:4:16: services.api.restart.flavour: unknown key \"flavour\"; allowed here: policy, backoff, limit"], problems);
    }

    [Fact]
    public void Unknown_top_level_key_is_reported_at_its_position()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3 app.py }
            monitr: { sample_interval: 1s }
            """);

        Assert.Equal(["aurora.yaml:3:1: monitr: unknown key \"monitr\"; did you mean `monitor`?"], problems);
    }

    [Theory]
    [InlineData("max: -5s", "aurora.yaml:6:14: services.api.restart.backoff.max: \"-5s\" is not a duration; use a number with ms, s, m, h or d (e.g. 500ms, 30s)")]
    [InlineData("max: 5", "aurora.yaml:6:14: services.api.restart.backoff.max: \"5\" is not a duration; use a number with ms, s, m, h or d (e.g. 500ms, 30s)")]
    [InlineData("max: 2h", "aurora.yaml:6:14: services.api.restart.backoff.max: \"2h\" must be between 0s and 1h")]
    [InlineData("max: 100ms", "aurora.yaml:6:14: services.api.restart.backoff.max: \"100ms\" is less than initial (500ms); max must be at least initial")]
    [InlineData("jitter: 1.5", "aurora.yaml:6:17: services.api.restart.backoff.jitter: \"1.5\" must be between 0 and 1")]
    [InlineData("multiplier: 0.5", "aurora.yaml:6:21: services.api.restart.backoff.multiplier: \"0.5\" must be at least 1")]
    public void Bad_backoff_values_name_the_value_and_what_is_allowed(string line, string expected)
    {
        var problems = _project.Problems($"""
            services:
              api:
                command: python3 app.py
                restart:
                  backoff:
                    {line}
            """);

        Assert.Equal([expected], problems);
    }

    [Theory]
    [InlineData("max_size: 10XB", "aurora.yaml:4:23: services.api.logs.max_size: \"10XB\" is not a size; use bytes or a number with KiB, MiB, GiB (powers of 2) or KB, MB, GB (powers of 10), e.g. 512KiB, 10MiB")]
    [InlineData("max_size: 512", "aurora.yaml:4:23: services.api.logs.max_size: \"512\" must be at least 1KiB")]
    [InlineData("keep: 200", "aurora.yaml:4:19: services.api.logs.keep: \"200\" must be between 0 and 100")]
    [InlineData("keep: many", "aurora.yaml:4:19: services.api.logs.keep: \"many\" is not a whole number; use 0 to 100")]
    public void Bad_log_settings_are_explained(string entry, string expected)
    {
        var problems = _project.Problems($$"""
            services:
              api:
                command: python3 app.py
                logs: { {{entry}} }
            """);

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Bad_enum_values_list_the_allowed_ones()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3 app.py
                restart: { policy: on-failur }
                on_dependency_failure: pause
            """);

        Assert.Equal(
        [
            "aurora.yaml:4:24: services.api.restart.policy: \"on-failur\" is not allowed; use one of: always, on-failure, never (did you mean `on-failure`?)",
            "aurora.yaml:5:28: services.api.on_dependency_failure: \"pause\" is not allowed; use one of: stop, keep, restart",
        ], problems);
    }

    [Fact]
    public void Missing_command_is_reported_at_the_service_name()
    {
        var problems = _project.Problems("""
            services:
              api:
                ports: [8080]
            """);

        Assert.Equal(["aurora.yaml:2:3: services.api.command: required key is missing; add the program to run, e.g. command: \"python3 app.py\""], problems);
    }

    [Fact]
    public void Empty_command_is_an_error()
    {
        var problems = _project.Problems("""
            services:
              api: { command: [] }
              web: { command: "  " }
            """);

        Assert.Equal(
        [
            "aurora.yaml:2:19: services.api.command: is empty; give the program to run and its arguments, e.g. [\"python3\", \"app.py\"]",
            "aurora.yaml:3:19: services.web.command: is empty; give the program to run and its arguments, e.g. \"python3 app.py\"",
        ], problems);
    }

    [Fact]
    public void Command_not_found_on_path_is_a_warning_that_does_not_block_loading()
    {
        var result = _project.Load("""
            services:
              api: { command: pythn3 app.py }
            """);

        Assert.True(result.Ok);
        var warning = Assert.Single(result.Diagnostics);
        Assert.True(warning.IsWarning);
        Assert.Equal("aurora.yaml:2:19: warning: services.api.command: \"pythn3\" was not found on PATH; install it, fix the name, or give its full path", warning.ToString());
    }

    [Fact]
    public void Command_given_as_a_missing_relative_path_is_a_warning()
    {
        _project.WithFile("present.sh");
        var result = _project.Load("""
            services:
              api: { command: ./run.sh }
              web: { command: ./present.sh }
            """);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal($"aurora.yaml:2:19: warning: services.api.command: \"./run.sh\" does not exist (looked for {_project.Directory}/run.sh); fix the path or create it", warning.ToString());
    }

    [Fact]
    public void Non_loopback_dashboard_needs_allow_remote()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3 app.py }
            dashboard: { listen: "0.0.0.0:7070" }
            """);

        Assert.Equal(["aurora.yaml:3:22: dashboard.listen: \"0.0.0.0:7070\" is not a loopback address; the dashboard listens on loopback only unless you set allow_remote: true (remote clients then need the bearer token in .aurora/token)"], problems);
    }

    [Fact]
    public void Version_other_than_1_is_rejected()
    {
        var problems = _project.Problems("""
            version: 2
            services:
              api: { command: python3 app.py }
            """);

        Assert.Equal(["aurora.yaml:1:10: version: \"2\" is not supported; use version: 1"], problems);
    }

    [Fact]
    public void Invalid_service_name_is_rejected()
    {
        var problems = _project.Problems("""
            services:
              Api: { command: python3 app.py }
            """);

        Assert.Equal(["aurora.yaml:2:3: services.Api: \"Api\" is not a valid service name; use lowercase letters, digits, - and _, starting with a letter or digit"], problems);
    }

    [Fact]
    public void Health_check_needs_exactly_one_kind()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3 app.py
                health: { interval: 10ms }
              web:
                command: python3 app.py
                health: { http: "https://127.0.0.1/", tcp: "localhost:80" }
              db:
                command: python3 app.py
                health: { tcp: "localhost" }
            """);

        Assert.Equal(
        [
            "aurora.yaml:4:13: services.api.health: needs one of http, tcp or exec, e.g. tcp: \"127.0.0.1:6379\"",
            "aurora.yaml:4:25: services.api.health.interval: \"10ms\" must be at least 100ms",
            "aurora.yaml:7:43: services.web.health: has both http and tcp; use exactly one of http, tcp or exec",
            "aurora.yaml:10:20: services.db.health.tcp: \"localhost\" is not host:port; e.g. tcp: \"127.0.0.1:6379\"",
        ], problems);
    }

    [Fact]
    public void Wrong_shape_says_what_was_expected()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3 app.py
                ports: 8080
                env: [A=1]
                stop: SIGTERM
            """);

        Assert.Equal(
        [
            "aurora.yaml:4:12: services.api.ports: expected a list, got \"8080\"",
            "aurora.yaml:5:10: services.api.env: expected a mapping (key: value), got a list",
            "aurora.yaml:6:11: services.api.stop: expected a mapping (key: value), got \"SIGTERM\"",
        ], problems);
    }

    [Fact]
    public void Healing_backups_are_validated()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3 }
            healing: { backups: { keep: -1, max_age: forever, count: 3 } }
            """);

        Assert.Equal(
        [
            "aurora.yaml:3:29: healing.backups.keep: \"-1\" must be between 0 and 100000",
            "aurora.yaml:3:42: healing.backups.max_age: \"forever\" is not a duration; use a number with ms, s, m, h or d (e.g. 500ms, 30s)",
            "aurora.yaml:3:51: healing.backups.count: unknown key \"count\"; allowed here: keep, max_age",
        ], problems);
    }

    [Theory]
    [InlineData("\"022\"", 0b000_010_010)]
    [InlineData("\"0077\"", 0b000_111_111)]
    [InlineData("027", 0b000_010_111)]
    [InlineData("\"0\"", 0)]
    public void Umask_is_an_octal_string(string written, int mask)
    {
        var config = _project.Load($"services:\n  api: {{ command: python3, umask: {written} }}\n").Config!;

        Assert.Equal(mask, config.Services[0].Umask);
    }

    [Theory]
    [InlineData("\"18\"", "\"18\"")]
    [InlineData("\"1777\"", "\"1777\"")]
    [InlineData("u=rwx", "\"u=rwx\"")]
    [InlineData("''", "\"\"")]
    public void A_bad_umask_is_a_positioned_error(string written, string shown)
    {
        var problems = _project.Problems($"services:\n  api: {{ command: python3, umask: {written} }}\n");

        Assert.Equal([$"aurora.yaml:2:35: services.api.umask: {shown} is not a umask; use octal digits from 000 to 777, e.g. umask: \"022\" (or \"077\" to keep its files private)"], problems);
    }
}
