using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

public sealed class FixesAndMaintenanceTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Fix_touches_must_stay_inside_the_project()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3
                fixes:
                  - cause: hang
                    run: "pip install -r requirements.txt"
                    touches: [/etc/hosts, ../outside, ok/../still-inside, .venv]
            """);

        Assert.Equal(
        [
            "aurora.yaml:7:19: services.api.fixes[0].touches[0]: \"/etc/hosts\" is absolute; use a path relative to the project directory",
            "aurora.yaml:7:31: services.api.fixes[0].touches[1]: \"../outside\" is outside the project directory; fixes may only touch files inside it",
        ], problems);
    }

    [Fact]
    public void Fix_needs_a_known_cause_and_a_run_command()
    {
        var problems = _project.Problems("""
            services:
              api:
                command: python3
                fixes:
                  - cause: port_conflit
                  - { run: [pip, install] }
            """);

        Assert.Equal(
        [
            "aurora.yaml:5:9: services.api.fixes[0].run: required key is missing; every fix needs cause and run",
            "aurora.yaml:5:16: services.api.fixes[0].cause: \"port_conflit\" is not allowed; use one of: port_conflict, missing_dependency, permission_denied, out_of_memory, hang, dependency_unavailable, disk_full, crash_loop, config_error, unknown (did you mean `port_conflict`?)",
            "aurora.yaml:6:9: services.api.fixes[1].cause: required key is missing; every fix needs cause and run",
        ], problems);
    }

    [Fact]
    public void Fix_is_mapped_with_run_and_verify_argv()
    {
        var fix = _project.Load("""
            services:
              api:
                command: python3
                fixes:
                  - { cause: crash_loop, run: "npm ci", verify: [node, -e, "require('x')"] }
            """).Config!.Services[0].Fixes.Single();

        Assert.Equal("crash_loop", fix.Cause);
        Assert.Equal(["npm", "ci"], fix.Run);
        Assert.Equal(["node", "-e", "require('x')"], fix.Verify);
        Assert.Empty(fix.Touches);
    }

    [Fact]
    public void Maintenance_paths_become_absolute()
    {
        var maintenance = _project.Load("""
            services:
              api: { command: python3 }
            maintenance:
              temp: [{ path: ./tmp }, { path: cache, older_than: 2h }]
              disk: { min_free: 500MB }
            """).Config!.Maintenance;

        Assert.Equal(
            [new TempRule(Path.Combine(_project.Directory, "tmp"), TimeSpan.FromDays(1)), new TempRule(Path.Combine(_project.Directory, "cache"), TimeSpan.FromHours(2))],
            maintenance.Temp);
        Assert.Equal(new DiskRule(_project.Directory, 500_000_000), maintenance.Disk);
    }

    [Fact]
    public void Maintenance_temp_needs_a_path()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3 }
            maintenance:
              temp: [{ older_than: 1d }]
            """);

        Assert.Equal(["aurora.yaml:4:10: maintenance.temp[0].path: needs a directory, relative to the project directory, e.g. path: ./tmp"], problems);
    }
}
