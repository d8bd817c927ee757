using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

public sealed class DependencyValidationTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Cycle_is_printed_as_a_path_from_its_first_service()
    {
        var problems = _project.Problems("""
            services:
              web:
                command: python3 app.py
                depends_on: [api]
              api:
                command: python3 app.py
                depends_on: [db]
              db:
                command: python3 app.py
                depends_on: [web]
            """);

        Assert.Equal(["aurora.yaml:4:18: services.web.depends_on: dependency cycle: web -> api -> db -> web; remove one of these dependencies"], problems);
    }

    [Fact]
    public void Each_distinct_cycle_is_reported_once()
    {
        var problems = _project.Problems("""
            services:
              a: { command: python3, depends_on: [b] }
              b: { command: python3, depends_on: [a, c] }
              c: { command: python3, depends_on: { b: started } }
            """);

        Assert.Equal(
        [
            "aurora.yaml:2:39: services.a.depends_on: dependency cycle: a -> b -> a; remove one of these dependencies",
            "aurora.yaml:3:42: services.b.depends_on: dependency cycle: b -> c -> b; remove one of these dependencies",
        ], problems);
    }

    [Fact]
    public void Self_dependency_is_a_cycle()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3, depends_on: [api] }
            """);

        Assert.Equal(["aurora.yaml:2:41: services.api.depends_on: dependency cycle: api -> api; a service cannot depend on itself"], problems);
    }

    [Fact]
    public void Missing_dependency_names_it_and_lists_defined_services()
    {
        var problems = _project.Problems("""
            services:
              web:
                command: python3 app.py
                depends_on: [api, cache]
              api:
                command: python3 app.py
                depends_on:
                  bd: healthy
              db:
                command: python3 app.py
                health: { tcp: "127.0.0.1:5432" }
            """);

        Assert.Equal(
        [
            "aurora.yaml:4:23: services.web.depends_on[1]: service \"cache\" is not defined; defined services: web, api, db",
            "aurora.yaml:8:7: services.api.depends_on.bd: service \"bd\" is not defined; did you mean `db`? defined services: web, api, db",
        ], problems);
    }

    [Fact]
    public void Healthy_condition_needs_a_health_check_on_the_dependency()
    {
        var problems = _project.Problems("""
            services:
              db: { command: python3 db.py }
              api:
                command: python3 app.py
                depends_on: { db: healthy }
            """);

        Assert.Equal(["aurora.yaml:5:19: services.api.depends_on.db: \"db\" has no health check, so it can never become healthy; add a health check to \"db\" or use started"], problems);
    }

    [Fact]
    public void Both_dependency_forms_map_to_conditions()
    {
        var config = _project.Load("""
            services:
              db: { command: python3, health: { tcp: "127.0.0.1:5432" } }
              seed: { command: python3 }
              api: { command: python3, depends_on: { db: healthy, seed: completed } }
              web: { command: python3, depends_on: [api, db] }
            """).Config!;

        Assert.Equal([new Dependency("db", DependencyCondition.Healthy), new Dependency("seed", DependencyCondition.Completed)], config.Find("api")!.DependsOn);
        Assert.Equal([new Dependency("api", DependencyCondition.Started), new Dependency("db", DependencyCondition.Started)], config.Find("web")!.DependsOn);
    }

    [Fact]
    public void Same_port_on_two_services_names_both()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3 app.py
                ports: [5001, 5002]
              web:
                command: python3 app.py
                ports: [5002]
            """);

        Assert.Equal(["aurora.yaml:7:13: services.web.ports[0]: port 5002 is also declared by service \"api\" (line 4); each port can belong to one service only"], problems);
    }

    [Fact]
    public void Bad_ports_are_reported_one_by_one()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3, ports: [80, 80, 70000, x] }
            """);

        Assert.Equal(
        [
            "aurora.yaml:2:40: services.api.ports[1]: port 80 is listed twice; list each port once",
            "aurora.yaml:2:44: services.api.ports[2]: \"70000\" must be between 1 and 65535",
            "aurora.yaml:2:51: services.api.ports[3]: \"x\" is not a whole number; use 1 to 65535",
        ], problems);
    }
}
