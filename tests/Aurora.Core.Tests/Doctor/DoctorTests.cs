using Aurora.Core.Diagnosis;
using Aurora.Core.Doctor;
using Aurora.Core.Doctor.Ports;

namespace Aurora.Core.Tests.Doctor;

/// The doctor as a whole: vulnerabilities from the sample advisories, ordering, the cheap subset, Explain.
public sealed class DoctorTests : IDisposable
{
    private readonly DoctorProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Locked_packages_matched_against_advisories_warn_with_id_severity_and_fixed_version()
    {
        _project.WithData("node-npm", "web").WithData("python-app", "api").WithData("advisories");
        var report = _project.Run("""
            services:
              web: { command: "sh -c 'exec node server.js'", cwd: ./web }
              api: { command: "python3 app.py", cwd: ./api }
            doctor: { advisories: ./advisories }
            """);

        Assert.Equal(
        [
            "web warning: GHSA-xvch-5gv4-984h (CVE-2021-44906), critical 9.8: minimist 1.2.5 (package-lock.json) — Prototype Pollution in minimist; fixed in 1.2.6",
            "api warning: GHSA-2gwj-7jmv-h26r (CVE-2022-28346), critical 9.8: Django 3.2.12 (requirements.txt) — SQL Injection in Django; fixed in 3.2.13",
        ], DoctorProject.Lines(report, DoctorChecks.Vulnerabilities));
        var match = report.Findings.First(f => f.Check == DoctorChecks.Vulnerabilities).Advisory!;
        Assert.Equal(("GHSA-xvch-5gv4-984h", "critical", "minimist", "1.2.5", "1.2.6", "npm"), (match.Id, match.Severity, match.Package, match.Version, match.Fixed, match.Ecosystem));
        Assert.False(report.HasBlocking);
    }

    [Fact]
    public void Without_an_advisory_directory_the_project_is_told_how_to_set_one_and_a_missing_one_warns()
    {
        _project.WithData("node-npm", "web");
        const string services = "services:\n  web: { command: \"node server.js\", cwd: ./web }\n";

        Assert.Equal(["- ok: no advisory directory is configured, so lockfiles were not checked for known vulnerabilities (doctor: { advisories: ./advisories })"],
            DoctorProject.Lines(_project.Run(services), DoctorChecks.Vulnerabilities));
        Assert.Equal(["- warning: the advisory directory osv does not exist"],
            DoctorProject.Lines(_project.Run(services + "doctor: { advisories: ./osv }\n"), DoctorChecks.Vulnerabilities));
    }

    [Fact]
    public void Findings_come_project_first_then_by_service_in_config_order_then_by_check()
    {
        var report = _project.Run("""
            services:
              zeta: { command: "sh -c true", ports: [7001] }
              alpha: { command: "sh -c true" }
            """);

        Assert.Equal(["- vulnerabilities", "zeta command", "zeta cwd", "zeta ports", "alpha command", "alpha cwd"],
            report.Findings.Select(f => $"{f.Service ?? "-"} {f.Check}"));
    }

    [Fact]
    public void Cheap_checks_are_commands_cwd_ports_and_variables_only()
    {
        _project.WithData("node-npm-drifted", "web").WithFile(".env.web", "A=1\n");
        var config = _project.Load("services:\n  web: { command: \"node s.js ${PORT}\", cwd: ./web, ports: [7002], env_file: .env.web }\n");

        var cheap = _project.Doctor().CheapChecks(config);

        Assert.Equal(["command", "cwd", "variables", "ports"], cheap.Findings.Select(f => f.Check).Distinct());
        Assert.True(cheap.HasBlocking);
    }

    [Fact]
    public void Explain_names_the_finding_behind_a_diagnosed_cause()
    {
        _project.WithData("node-npm-drifted", "web");
        _project.Ports = new FakePortHolders(new PortHolder(7003, new PortOwner(7003, 999, ["nginx"], null)));
        var config = _project.Load("""
            services:
              web: { command: "node server.js", cwd: ./web, ports: [7003] }
              api: { command: "no-such-binary-qq", env: { U: "${UNSET_URL}" } }
            """);
        var doctor = _project.Doctor();

        Assert.Equal("node_modules is missing; package-lock.json locks 5 packages", doctor.Explain(config, "web", Causes.MissingDependency)?.Message);
        Assert.Equal("port 7003 is held by pid 999 (nginx), a process Aurora did not start for this project", doctor.Explain(config, "web", Causes.PortConflict)?.Message);
        Assert.Equal("no-such-binary-qq was not found on PATH", doctor.Explain(config, "api", Causes.MissingDependency)?.Message);
        Assert.Equal("aurora.yaml:3:50: ${UNSET_URL} is not set and has no default", doctor.Explain(config, "api", Causes.ConfigError)?.Message);
        Assert.Equal("no-such-binary-qq was not found on PATH", doctor.Explain(config, "api", Causes.CrashLoop)?.Message);
        Assert.Null(doctor.Explain(config, "web", Causes.Hang));
        Assert.Null(doctor.Explain(config, "web", Causes.OutOfMemory));
        Assert.Null(doctor.Explain(config, "nope", Causes.MissingDependency));
    }
}
