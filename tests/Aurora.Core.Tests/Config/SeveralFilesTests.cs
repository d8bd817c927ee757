using Aurora.Core.Config;
using Aurora.Core.Reload;

namespace Aurora.Core.Tests.Config;

/// `-f base.yaml -f dev.yaml` (SPEC §3): maps merge key by key, lists and scalars replace, an explicit null
/// replaces, and every diagnostic names the file (and line) its value came from.
public sealed class SeveralFilesTests : IDisposable
{
    private static readonly Dictionary<string, string> NoVariables = [];

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Maps_merge_key_by_key_while_lists_and_scalars_replace()
    {
        _project.WithFile("base.yaml", """
            services:
              api:
                command: ["python3", "app.py"]
                env: { A: "1", B: "2" }
                ports: [5001, 5002]
                restart: { policy: always, limit: { count: 3, within: 1m } }
              db:
                command: redis-server
            """).WithFile("dev.yaml", """
            services:
              api:
                env: { B: "20", C: "3" }
                ports: [6001]
                restart: { limit: { count: 9 } }
              worker:
                command: ["python3", "worker.py"]
            healing: { enabled: false }
            """);

        var config = _project.LoadFiles(NoVariables, "base.yaml", "dev.yaml").Config!;

        var api = config.Find("api")!;
        Assert.Equal(["python3", "app.py"], api.Command);
        Assert.Equal(new Dictionary<string, string> { ["A"] = "1", ["B"] = "20", ["C"] = "3" }, api.Environment);
        Assert.Equal([6001], api.Ports);
        Assert.Equal(RestartPolicyKind.Always, api.Restart.Policy);
        Assert.Equal(new RestartLimit(9, TimeSpan.FromMinutes(1)), api.Restart.Limit);
        Assert.Equal(["api", "db", "worker"], config.Services.Select(s => s.Name));
        Assert.False(config.Healing.Enabled);
    }

    [Fact]
    public void An_explicit_null_and_a_value_of_another_kind_replace_what_came_before()
    {
        _project.WithFile("base.yaml", """
            services:
              api:
                command: python3
                health: { tcp: "127.0.0.1:5001" }
                depends_on: [db]
              db: { command: redis-server, health: { tcp: "127.0.0.1:6379" } }
            """).WithFile("dev.yaml", """
            services:
              api:
                health: null
                depends_on: { db: healthy }
            """);

        var api = _project.LoadFiles(NoVariables, "base.yaml", "dev.yaml").Config!.Find("api")!;

        Assert.Null(api.Health);
        Assert.Equal([new Dependency("db", DependencyCondition.Healthy)], api.DependsOn);
    }

    [Fact]
    public void Each_problem_names_the_file_and_position_its_value_came_from()
    {
        _project.WithFile("base.yaml", """
            services:
              api:
                command: python3
                ports: [5001]
            """).WithFile("dev.yaml", """
            services:
              api:
                ports: [http]
                comand: x
              web: { command: python3, ports: [5001] }
            """);

        var problems = _project.LoadFiles(NoVariables, "base.yaml", "dev.yaml").Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Contains("dev.yaml:3:13: services.api.ports[0]: \"http\" is not a whole number; use 1 to 65535", problems);
        Assert.Contains(problems, p => p.StartsWith("dev.yaml:4:5: services.api.comand: unknown key", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("base.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_syntax_error_or_a_missing_file_is_reported_in_that_file_and_the_others_are_still_read()
    {
        _project.WithFile("base.yaml", "services:\n  api: { command: python3 }\n  web: [\n").WithFile("dev.yaml", "services:\n  api: { comand: x\n");

        var problems = _project.LoadFiles(NoVariables, "base.yaml", "dev.yaml", "gone.yaml").Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("base.yaml:4:1: invalid YAML", problems[0]);
        Assert.StartsWith("dev.yaml:3:1: invalid YAML", problems[1]);
        Assert.Equal($"gone.yaml: cannot read {Path.Combine(_project.Directory, "gone.yaml")}: file not found", problems[2]);
    }

    [Fact]
    public void Relative_paths_of_a_later_file_resolve_against_the_first_files_directory()
    {
        _project.WithDirectory("api").WithFile("aurora.yaml", "services:\n  api: { command: python3 }\n")
            .WithFile("overrides/dev.yaml", "services:\n  api: { cwd: ./api, env_file: api.env }\n").WithFile("api.env", "X=1\n");

        var result = _project.LoadFiles(NoVariables, "aurora.yaml", "overrides/dev.yaml");
        var api = result.Config!.Find("api")!;

        Assert.Equal(Path.Combine(_project.Directory, "api"), api.WorkingDirectory);
        Assert.Equal("1", api.Environment["X"]);
        Assert.Equal(_project.Directory, result.Config.ProjectDirectory);
        Assert.Equal([Path.Combine(_project.Directory, "aurora.yaml"), Path.Combine(_project.Directory, "overrides", "dev.yaml")], result.Config.Files);
        Assert.Equal(result.Config.Files[0], result.Config.FilePath);
    }

    [Fact]
    public void A_key_moved_from_one_file_to_the_other_changes_nothing_on_reload()
    {
        _project.WithFile("base.yaml", "services:\n  api:\n    command: python3\n    env: { MODE: dev }\n  db: { command: redis-server }\n")
            .WithFile("dev.yaml", "services:\n  db: { restart: { policy: never } }\n");
        var before = _project.LoadFiles(NoVariables, "base.yaml", "dev.yaml").Config!;

        _project.WithFile("base.yaml", "services:\n  api: { command: python3 }\n  db:\n    command: redis-server\n    restart: { policy: never }\n")
            .WithFile("dev.yaml", "services:\n  api: { env: { MODE: dev } }\n");
        var after = _project.LoadFiles(NoVariables, "base.yaml", "dev.yaml").Config!;
        var plan = ReloadPlanner.Plan(before, after);

        Assert.Equal(["api", "db"], plan.Unchanged);
        Assert.Empty(plan.Restarted);
        Assert.Empty(plan.Updated);
        Assert.Empty(plan.Settings);
    }

    [Fact]
    public void An_alias_is_a_copy_so_overriding_one_use_leaves_the_other()
    {
        _project.WithFile("base.yaml", """
            services:
              a: &svc { command: ["sleep", "1"] }
              b: *svc
            """).WithFile("dev.yaml", "services:\n  a: { command: [\"sleep\", \"2\"] }\n");

        var config = _project.LoadFiles(NoVariables, "base.yaml", "dev.yaml").Config!;

        Assert.Equal(["sleep", "2"], config.Find("a")!.Command);
        Assert.Equal(["sleep", "1"], config.Find("b")!.Command);
    }

    [Fact(Timeout = 20000)]
    public void Aliases_that_expand_past_a_million_values_are_refused_not_copied()
    {
        var yaml = "services: { a: { command: python3 } }\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Concat(Enumerable.Range(1, 7).Select(i => $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));
        _project.WithFile("aurora.yaml", yaml);

        var result = _project.LoadFiles(NoVariables, "aurora.yaml");

        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("the config holds more than 1000000 values once aliases are copied", StringComparison.Ordinal));
    }
}
