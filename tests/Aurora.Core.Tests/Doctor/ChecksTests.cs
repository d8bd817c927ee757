using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Doctor;
using Aurora.Core.Doctor.Ports;

namespace Aurora.Core.Tests.Doctor;

/// Commands, cwd, env files, variables and ports: each finding's severity and exact words.
public sealed class ChecksTests : IDisposable
{
    private readonly DoctorProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_command_not_on_path_or_not_executable_blocks_and_an_unfound_install_warns()
    {
        _project.WithFile("bin/run.sh", "#!/bin/sh\n").WithFile("scripts/go", "#!/bin/sh\n");
        File.SetUnixFileMode(_project.PathOf("scripts/go"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var report = _project.Run("""
            services:
              a: { command: "no-such-program-xyz --port 1", install: ["no-such-installer", "ci"] }
              b: { command: ["./bin/run.sh"] }
              c: { command: ["sh", "-c", "true"] }
              d: { command: "FOO=1 no-such-tool-abc --flag | tee x", shell: true }
              e: { command: "./scripts/go" }
            """);

        Assert.Equal(
        [
            "a blocking: no-such-program-xyz was not found on PATH",
            "a warning: no-such-installer was not found on PATH",
            $"b blocking: ./bin/run.sh ({_project.PathOf("bin/run.sh")}) is not executable",
            $"c ok: sh is {Which("sh")}",
            $"d ok: /bin/sh is /bin/sh",
            "d blocking: no-such-tool-abc was not found on PATH",
            $"e ok: ./scripts/go is {_project.PathOf("scripts/go")}",
        ], DoctorProject.Lines(report, DoctorChecks.Command));
        Assert.Equal("install no-such-program-xyz, or fix services.a.command (a full path works too)",
            report.Findings.First(f => f.Check == DoctorChecks.Command).Fix);
        Assert.Equal($"chmod +x {_project.PathOf("bin/run.sh")}", report.Findings.Single(f => f.Service == "b" && f.Check == DoctorChecks.Command).Fix);
        Assert.True(report.HasBlocking);
    }

    [Fact]
    public void A_working_directory_that_went_away_blocks()
    {
        Directory.CreateDirectory(_project.PathOf("api"));
        var config = _project.Load("services:\n  api: { command: \"sh -c true\", cwd: ./api }\n");
        Directory.Delete(_project.PathOf("api"));

        var report = _project.Doctor().Run(config);

        Assert.Equal(["api blocking: api does not exist"], DoctorProject.Lines(report, DoctorChecks.Cwd));
        Assert.Equal($"create it (mkdir -p {_project.PathOf("api")}) or fix services.api.cwd", report.Findings.Single(f => f.Check == DoctorChecks.Cwd).Fix);
    }

    [Fact]
    public void An_env_file_that_stops_parsing_warns_with_its_positions_and_never_its_values()
    {
        _project.WithFile(".env", "A=1\n");
        var config = _project.Load("services:\n  api: { command: \"sh -c true\", env_file: .env }\n");
        Assert.Equal(["api ok: .env parses (1 variable)"], DoctorProject.Lines(_project.Doctor().Run(config), DoctorChecks.EnvFile));

        File.WriteAllText(_project.PathOf(".env"), "A=1\nthis is not an assignment hunter2\nB='unterminated\n");
        Assert.Equal(
            ["api warning: .env does not parse: .env:2:1: line is not KEY=VALUE; use NAME=value, and # for comments; .env:3:3: B: value has an unterminated ' quote"],
            DoctorProject.Lines(_project.Doctor().Run(config), DoctorChecks.EnvFile));

        File.Delete(_project.PathOf(".env"));
        Assert.Equal(["api warning: .env does not exist"], DoctorProject.Lines(_project.Doctor().Run(config), DoctorChecks.EnvFile));
    }

    [Fact]
    public void Unset_variables_without_a_default_block_and_defaults_used_warn()
    {
        _project.Environment["SET_ONE"] = "x";
        _project.WithFile(".env", "FROM_DOTENV=1\n");
        var report = _project.Run("""
            services:
              api:
                command: "sh -c true"
                env:
                  URL: "${DATABASE_URL}"
                  MODE: "${MODE:-dev}"
                  OK: "${SET_ONE} ${FROM_DOTENV} $DATABASE_URL"
              web:
                command: "sh -c true"
                env: { A: "${SET_ONE}" }
            # ${IN_A_COMMENT} is not a reference
            """);

        Assert.Equal(
        [
            "api blocking: aurora.yaml:5:12: ${DATABASE_URL} is not set and has no default",
            "api warning: aurora.yaml:6:13: ${MODE} is not set; its default \"dev\" is used",
            "web ok: 1 variable reference, all set",
        ], DoctorProject.Lines(report, DoctorChecks.Variables));
    }

    [Fact]
    public void A_port_held_by_a_foreign_process_blocks_and_names_it_with_secrets_masked()
    {
        _project.Ports = new FakePortHolders(
            new PortHolder(5001, new PortOwner(5001, 4242, ["python3", "-m", "http.server", "5001", "--token", "s3cr3t-value"], null)),
            new PortHolder(5002, new PortOwner(5002, 4343, ["python3", "api.py"], $"{DoctorProject.ProjectId}/api")),
            new PortHolder(5003, new PortOwner(5003, 4444, ["python3", "worker.py"], $"{DoctorProject.ProjectId}/worker")),
            new PortHolder(5004, null),
            new PortHolder(5006, new PortOwner(5006, 4545, ["node", "x.js"], "ffffffffffff/api")));
        _project.Environment["API_TOKEN"] = "s3cr3t-value";
        var report = _project.Run("""
            services:
              api: { command: "sh -c true", ports: [5001, 5002, 5003, 5004, 5005, 5006] }
            """);

        Assert.Equal(
        [
            "api blocking: port 5001 is held by pid 4242 (python3 -m http.server 5001 --token ***), a process Aurora did not start for this project",
            "api ok: port 5002 is held by api itself, pid 4343 (python3 api.py)",
            "api warning: port 5003 is held by pid 4444 (python3 worker.py), this project's service worker",
            "api blocking: port 5004 is in use by a process Aurora cannot see (another user's?)",
            "api ok: port 5005 is free",
            "api blocking: port 5006 is held by pid 4545 (node x.js), a process Aurora did not start for this project",
        ], DoctorProject.Lines(report, DoctorChecks.Ports));
        Assert.Equal("stop it (kill 4242) or change services.api.ports", report.Findings.First(f => f.Check == DoctorChecks.Ports).Fix);
    }

    private static string Which(string program) =>
        ProgramLookup.Resolve(program, "/", Environment.GetEnvironmentVariable("PATH") ?? "").Path!;
}
