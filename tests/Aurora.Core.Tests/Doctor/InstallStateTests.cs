using Aurora.Core.Doctor;

namespace Aurora.Core.Tests.Doctor;

/// node_modules, virtualenvs and .NET restores against their lockfiles, on the real installs of tests/data/doctor.
public sealed class InstallStateTests : IDisposable
{
    private const string NodeService = "services:\n  web: { command: \"node server.js\", cwd: ./web }\n";

    private readonly DoctorProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void An_npm_install_that_matches_its_lockfile_is_ok()
    {
        _project.WithData("node-npm", "web");

        Assert.Equal(["web ok: node_modules matches package-lock.json (4 packages)"],
            DoctorProject.Lines(_project.Run(NodeService), DoctorChecks.Install));
    }

    [Fact]
    public void A_lockfile_that_moved_on_without_a_reinstall_is_drift_with_the_command_that_fixes_it()
    {
        _project.WithData("node-npm-drifted", "web");
        DoctorData.Copy(DoctorData.Path("node-npm/node_modules"), _project.PathOf("web/node_modules"));

        var report = _project.Run(NodeService);

        Assert.Equal(
            ["web warning: node_modules has drifted from package-lock.json: is-number 7.0.0 is not installed; minimist 1.2.5 is installed, package-lock.json locks 1.2.8"],
            DoctorProject.Lines(report, DoctorChecks.Install));
        Assert.Equal("run `npm ci` in web, or set services.web.install so fixes can run it", report.Findings.Single(f => f.Check == DoctorChecks.Install).Fix);
    }

    [Fact]
    public void The_services_own_install_command_is_the_fix_when_it_has_one()
    {
        _project.WithData("node-npm-drifted", "web");

        var report = _project.Run("services:\n  web: { command: \"node server.js\", cwd: ./web, install: [\"npm\", \"ci\", \"--omit=dev\"] }\n");

        Assert.Equal(["web warning: node_modules is missing; package-lock.json locks 5 packages"], DoctorProject.Lines(report, DoctorChecks.Install));
        Assert.Equal("run the service's install: npm ci --omit=dev (in web)", report.Findings.Single(f => f.Check == DoctorChecks.Install).Fix);
    }

    [Theory]
    [InlineData("node-pnpm", "pnpm-lock.yaml", 3)]
    [InlineData("node-yarn", "yarn.lock", 3)]
    public void Pnpm_and_yarn_installs_match_their_lockfiles_direct_dependencies(string data, string lockfile, int count)
    {
        _project.WithData(data, "web");

        Assert.Equal([$"web ok: node_modules matches {lockfile} ({count} packages)"], DoctorProject.Lines(_project.Run(NodeService), DoctorChecks.Install));
    }

    [Fact]
    public void A_pnpm_package_replaced_by_another_version_is_drift()
    {
        _project.WithData("node-pnpm", "web");
        // What `pnpm add minimist@1.2.8` would leave if the lockfile were then reverted: the link points elsewhere.
        File.WriteAllText(_project.PathOf("web/node_modules/.pnpm/minimist@1.2.5/node_modules/minimist/package.json"), """{"name": "minimist", "version": "1.2.8"}""");

        Assert.Equal(["web warning: node_modules has drifted from pnpm-lock.yaml: minimist 1.2.8 is installed, pnpm-lock.yaml locks 1.2.5"],
            DoctorProject.Lines(_project.Run(NodeService), DoctorChecks.Install));
    }

    [Fact]
    public void Requirements_without_a_virtualenv_warn_with_how_to_make_one()
    {
        _project.WithData("python-app", "api");

        var report = _project.Run("services:\n  api: { command: \"python3 app.py\", cwd: ./api }\n");

        Assert.Equal(["api warning: no virtualenv found (.venv, venv, or the one the command's interpreter is in), so requirements.txt cannot be checked"],
            DoctorProject.Lines(report, DoctorChecks.Install));
        Assert.Equal("run `python3 -m venv .venv && .venv/bin/pip install -r requirements.txt` in api, or set services.api.install so fixes can run it",
            report.Findings.Single(f => f.Check == DoctorChecks.Install).Fix);
    }

    [Fact]
    public void A_restore_older_than_its_project_file_is_stale()
    {
        _project.WithFile("svc/svc.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />").WithFile("svc/obj/project.assets.json", "{}");
        var restored = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_project.PathOf("svc/obj/project.assets.json"), restored);
        File.SetLastWriteTimeUtc(_project.PathOf("svc/svc.csproj"), restored.AddMinutes(-5));
        const string yaml = "services:\n  svc: { command: \"dotnet run\", cwd: ./svc }\n";

        Assert.Equal(["svc ok: obj/project.assets.json is newer than svc.csproj"], DoctorProject.Lines(_project.Run(yaml), DoctorChecks.Install));

        File.SetLastWriteTimeUtc(_project.PathOf("svc/svc.csproj"), restored.AddMinutes(5));
        _project.WithFile("Directory.Packages.props", "<Project />");
        File.SetLastWriteTimeUtc(_project.PathOf("Directory.Packages.props"), restored.AddMinutes(1));
        var stale = _project.Run(yaml);
        Assert.Equal(["svc warning: svc/svc.csproj, Directory.Packages.props changed after the last restore (obj/project.assets.json)"],
            DoctorProject.Lines(stale, DoctorChecks.Install));
        Assert.Equal("run `dotnet restore` in svc, or set services.svc.install so fixes can run it", stale.Findings.Single(f => f.Check == DoctorChecks.Install).Fix);

        File.Delete(_project.PathOf("svc/obj/project.assets.json"));
        Assert.Equal(["svc warning: svc.csproj has not been restored (no obj/project.assets.json)"], DoctorProject.Lines(_project.Run(yaml), DoctorChecks.Install));
    }

    [Fact]
    public void A_directory_without_manifests_has_no_install_finding()
    {
        Assert.Empty(DoctorProject.Lines(_project.Run("services:\n  a: { command: \"sh -c true\" }\n"), DoctorChecks.Install));
    }
}
