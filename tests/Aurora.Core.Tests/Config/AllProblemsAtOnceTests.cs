namespace Aurora.Core.Tests.Config;

public sealed class AllProblemsAtOnceTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var result = _project.Load("""
            version: 1
            services:
              api:
                command: pythn3 app.py
                cwd: ./missing
                ports: [5001]
                depends_on: { db: healthy, cache: started }
                health: { http: http://127.0.0.1:5001/, timeout: 0 }
                restart: { policy: sometimes, backoff: { max: -5s } }
                stop: { signal: SIGNOPE }
              db:
                command: ["redis-server"]
                ports: [5001]
                limits: { memory: lots }
                colour: blue
            dashboard: { listen: "10.0.0.1:7070" }
            """);

        Assert.False(result.Ok);
        Assert.Equal(
        [
            "aurora.yaml:4:14: warning: services.api.command: \"pythn3\" was not found on PATH; install it, fix the name, or give its full path",
            $"aurora.yaml:5:10: services.api.cwd: \"./missing\" is not an existing directory (looked for {_project.Directory}/missing); create it or fix the path",
            "aurora.yaml:7:19: services.api.depends_on.db: \"db\" has no health check, so it can never become healthy; add a health check to \"db\" or use started",
            "aurora.yaml:7:32: services.api.depends_on.cache: service \"cache\" is not defined; defined services: api, db",
            "aurora.yaml:8:54: services.api.health.timeout: \"0\" must be at least 1ms",
            "aurora.yaml:9:24: services.api.restart.policy: \"sometimes\" is not allowed; use one of: always, on-failure, never",
            "aurora.yaml:9:51: services.api.restart.backoff.max: \"-5s\" is not a duration; use a number with ms, s, m, h or d (e.g. 500ms, 30s)",
            "aurora.yaml:10:21: services.api.stop.signal: \"SIGNOPE\" is not a signal; use a name such as SIGTERM, SIGINT, SIGQUIT, SIGHUP or SIGUSR1, or its number",
            "aurora.yaml:13:13: services.db.ports[0]: port 5001 is also declared by service \"api\" (line 6); each port can belong to one service only",
            "aurora.yaml:14:23: services.db.limits.memory: \"lots\" is not a size; use bytes or a number with KiB, MiB, GiB (powers of 2) or KB, MB, GB (powers of 10), e.g. 512KiB, 10MiB",
            "aurora.yaml:15:5: services.db.colour: unknown key \"colour\"; allowed here: command, shell, cwd, env, env_file, ports, depends_on, health, restart, stop, limits, logs, on_dependency_failure, install, fixes, umask, ready, success_exit_codes, replicas, profiles, schedule, watch",
            "aurora.yaml:16:22: dashboard.listen: \"10.0.0.1:7070\" is not a loopback address; the dashboard listens on loopback only unless you set allow_remote: true (remote clients then need the bearer token in .aurora/token)",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Warnings_alone_do_not_block_loading()
    {
        var result = _project.Load("""
            services:
              api: { command: "npm start | tee log", install: [yarn] }
            """);

        Assert.True(result.Ok);
        Assert.Empty(result.Errors);
        Assert.Equal(
        [
            "aurora.yaml:2:19: warning: services.api.command: \"npm start | tee log\" contains `|`, which is passed to the program as is, not run by a shell; set shell: true to run it with /bin/sh -c",
            "aurora.yaml:2:51: warning: services.api.install: \"yarn\" was not found on PATH; install it, fix the name, or give its full path",
        ], result.Warnings.Select(d => d.ToString()));
    }
}
