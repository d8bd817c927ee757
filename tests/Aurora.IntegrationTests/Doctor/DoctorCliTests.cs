using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Doctor;

/// `aurora doctor` (the real CLI) on real projects: a node app with a real lockfile and a drifted node_modules, a
/// Python app in a real virtualenv, a port held by a foreign process, advisories matched; and GET /api/v1/doctor.
public class DoctorCliTests
{
    [Fact(Timeout = 120000)]
    public async Task Doctor_blocks_on_a_foreign_port_holder_and_reports_drift_and_advisories()
    {
        var ct = TestContext.Current.CancellationToken;
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;
        var free = FreePort.Next();
        await using var project = TestProject.Create($$"""
            services:
              web:
                command: ["sh", "-c", "exec node server.js"]
                cwd: ./web
                ports: [{{free}}]
              api:
                command: [".venv/bin/python", "app.py"]
                cwd: ./api
                ports: [{{held}}]
                install: [".venv/bin/pip", "install", "-r", "requirements.txt"]
            doctor: { advisories: ./advisories }
            """);
        await DoctorFiles.CopyAsync("node-npm-drifted", Path.Combine(project.Dir, "web"), ct);
        await DoctorFiles.CopyAsync("node-npm/node_modules", Path.Combine(project.Dir, "web", "node_modules"), ct);
        await DoctorFiles.CopyAsync("python-app", Path.Combine(project.Dir, "api"), ct);
        await DoctorFiles.CopyAsync("advisories", Path.Combine(project.Dir, "advisories"), ct);
        await DoctorFiles.CreateVenvAsync(Path.Combine(project.Dir, "api", ".venv"), ct);

        var human = await project.Cli(ct, "doctor");

        Assert.True(human.ExitCode == 1, human.Output);
        Assert.Contains($"blocking ports           port {held} is held by pid {Environment.ProcessId} (", human.Output);
        Assert.Contains("a process Aurora did not start for this project", human.Output);
        Assert.Contains($"fix: stop it (kill {Environment.ProcessId}) or change services.api.ports", human.Output);
        Assert.Contains($"ok       ports           port {free} is free", human.Output);
        Assert.Contains("warning  install         node_modules has drifted from package-lock.json: is-number 7.0.0 is not installed; minimist 1.2.5 is installed, package-lock.json locks 1.2.8", human.Output);
        Assert.Contains("fix: run `npm ci` in web, or set services.web.install so fixes can run it", human.Output);
        Assert.Contains("warning  install         api/.venv has drifted from requirements.txt: Django 3.2.12 is not installed; requests 2.31.0 is not installed; sqlparse 0.4.2 is not installed", human.Output);
        Assert.Contains("fix: run the service's install: .venv/bin/pip install -r requirements.txt (in api)", human.Output);
        Assert.Contains("GHSA-2gwj-7jmv-h26r (CVE-2022-28346), critical 9.8: Django 3.2.12 (requirements.txt) — SQL Injection in Django; fixed in 3.2.13", human.Output);
        Assert.Contains("doctor: 1 blocking, 3 warnings,", human.Output);
        Assert.Contains("api cannot start as configured", human.Output);

        var json = await project.Cli(ct, "doctor", "--json");

        Assert.True(json.ExitCode == 1, json.Output);
        using var doc = JsonDocument.Parse(json.Output);
        foreach (var key in new[] { "ok", "blocking", "warnings", "findings" })
        {
            Assert.True(doc.RootElement.TryGetProperty(key, out _), $"no \"{key}\": {json.Output}");
        }

        var dto = JsonSerializer.Deserialize(json.Output, AuroraJsonContext.Default.DoctorDto)!;
        Assert.False(dto.Ok);
        Assert.Equal(1, dto.Blocking);
        var port = Assert.Single(dto.Findings, f => f.Severity == "blocking");
        Assert.Equal(("api", "ports"), (port.Service, port.Check));
        var advisory = Assert.Single(dto.Findings, f => f.Advisory is not null).Advisory!;
        Assert.Equal(("GHSA-2gwj-7jmv-h26r", "critical", 9.8, "Django", "3.2.12", "3.2.13", "PyPI", "requirements.txt"),
            (advisory.Id, advisory.Severity, advisory.Score!.Value, advisory.Package, advisory.Version, advisory.Fixed, advisory.Ecosystem, advisory.Lockfile));
        var finding = doc.RootElement.GetProperty("findings")[0];
        foreach (var key in new[] { "service", "check", "severity", "message", "fix", "advisory" })
        {
            Assert.True(finding.TryGetProperty(key, out _), $"finding has no \"{key}\": {finding}");
        }
    }

    [Fact(Timeout = 120000)]
    public async Task Doctor_passes_a_project_whose_installs_match_their_lockfiles()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create($$"""
            services:
              web: { command: ["sh", "-c", "exec node server.js"], cwd: ./web, ports: [{{FreePort.Next()}}] }
              api: { command: [".venv/bin/python", "app.py"], cwd: ./api }
            """);
        await DoctorFiles.CopyAsync("node-npm", Path.Combine(project.Dir, "web"), ct);
        Directory.CreateDirectory(Path.Combine(project.Dir, "api"));
        await DoctorFiles.CreateVenvAsync(Path.Combine(project.Dir, "api", ".venv"), ct);
        // Pin what the virtualenv really holds, as `pip freeze` would.
        var pip = (await DoctorFiles.RunAsync(ct, Path.Combine(project.Dir, "api", ".venv", "bin", "python"), "-c", "import pip; print(pip.__version__)")).Trim();
        await File.WriteAllTextAsync(Path.Combine(project.Dir, "api", "requirements.txt"), $"pip=={pip}\n", ct);

        var result = await project.Cli(ct, "doctor");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("ok       install         node_modules matches package-lock.json (4 packages)", result.Output);
        Assert.Contains("ok       install         api/.venv matches requirements.txt (1 package)", result.Output);
        Assert.Contains("doctor: 0 blocking, 0 warnings,", result.Output);
        Assert.Contains("nothing blocks a start", result.Output);

        await File.WriteAllTextAsync(Path.Combine(project.Dir, "api", "requirements.txt"), "pip==0.1.2\n", ct);
        var drifted = await project.Cli(ct, "doctor");
        Assert.True(drifted.ExitCode == 0, drifted.Output);
        Assert.Contains($"api/.venv has drifted from requirements.txt: pip {pip} is installed, requirements.txt locks 0.1.2", drifted.Output);
    }

    [Fact(Timeout = 120000)]
    public async Task A_running_services_own_port_is_ok_for_the_api_and_the_cli()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        await using var project = TestProject.Create($$"""
            services:
              web:
                command: ["python3", "-m", "http.server", "{{port}}", "--bind", "127.0.0.1"]
                ports: [{{port}}]
                health: { tcp: "127.0.0.1:{{port}}", interval: 200ms }
            """);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceHealthy, "web");

        using var client = new ControlClient(project.Paths);
        var api = await client.GetAsync("/api/v1/doctor", AuroraJsonContext.Default.DoctorDto, ct);

        Assert.True(api.Ok);
        var own = Assert.Single(api.Findings, f => f.Check == "ports");
        Assert.Equal("ok", own.Severity);
        Assert.StartsWith($"port {port} is held by web itself, pid ", own.Message);
        Assert.EndsWith($"-m http.server {port} --bind 127.0.0.1)", own.Message);

        var cli = await project.Cli(ct, "doctor");
        Assert.True(cli.ExitCode == 0, cli.Output);
        Assert.Contains($"port {port} is held by web itself", cli.Output);
    }

    [Fact(Timeout = 60000)]
    public async Task Doctor_on_a_bad_config_reports_it_and_exits_2()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("services:\n  api: { command: \"python3 app.py\" }\ndoctor: { advisories: [x] }\n");

        var result = await project.Cli(ct, "doctor");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("aurora.yaml:3:23: doctor.advisories: expected a string, got a list", result.Output);
    }
}
