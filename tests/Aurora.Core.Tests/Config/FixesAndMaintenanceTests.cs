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

    [Fact]
    public void Fix_touches_are_checked_where_they_really_are_and_may_not_cover_the_project_or_its_state()
    {
        var outside = Directory.CreateTempSubdirectory("aurora-outside-").FullName;
        try
        {
            _project.WithDirectory("vendor");
            File.CreateSymbolicLink(Path.Combine(_project.Directory, "vendor", "shared"), outside);
            var problems = _project.Problems("""
                services:
                  api:
                    command: python3
                    fixes:
                      - cause: missing_dependency
                        run: [npm, ci]
                        touches: [vendor/shared, ., .aurora/backups, vendor]
                """);

            Assert.Equal(
            [
                $"aurora.yaml:7:19: services.api.fixes[0].touches[0]: \"vendor/shared\" resolves to {outside}, outside the project directory (symbolic links are not followed out of it); fixes may only touch files inside it",
                "aurora.yaml:7:34: services.api.fixes[0].touches[1]: \".\" is the project directory itself; fixes may only touch what is inside it, so name those files and directories",
                "aurora.yaml:7:37: services.api.fixes[0].touches[2]: \".aurora/backups\" is inside .aurora/, Aurora's own state; fixes may not touch it",
            ], problems);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Maintenance_temp_may_not_lead_out_of_the_project_nor_cover_it_or_its_state()
    {
        var outside = Directory.CreateTempSubdirectory("aurora-outside-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(_project.Directory, "tmp"), outside);
            var problems = _project.Problems("""
                services:
                  api: { command: python3 }
                maintenance:
                  temp: [{ path: ./tmp }, { path: . }, { path: .aurora }, { path: ../elsewhere }, { path: cache }]
                """);

            Assert.Equal(
            [
                $"aurora.yaml:4:18: maintenance.temp[0].path: \"./tmp\" resolves to {outside}, outside the project directory (symbolic links are not followed out of it); temp cleanup may only touch files inside it",
                "aurora.yaml:4:35: maintenance.temp[1].path: \".\" is the project directory itself; temp cleanup may only touch what is inside it, so name those files and directories",
                "aurora.yaml:4:48: maintenance.temp[2].path: \".aurora\" is inside .aurora/, Aurora's own state; temp cleanup may not touch it",
                "aurora.yaml:4:67: maintenance.temp[3].path: \"../elsewhere\" is outside the project directory; temp cleanup may only touch files inside it",
            ], problems);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
