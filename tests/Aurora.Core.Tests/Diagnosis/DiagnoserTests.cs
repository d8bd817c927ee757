using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Processes;
using Aurora.Core.Supervision;

namespace Aurora.Core.Tests.Diagnosis;

public class DiagnoserTests
{
    private sealed class NoOwners : IPortOwners
    {
        public PortOwner? Owner(int port) => port == 5001 ? new PortOwner(5001, 4242, ["python3", "-m", "http.server", "5001"], null) : null;
    }

    private static readonly Diagnoser Diagnoser = Aurora.Core.Diagnosis.Diagnoser.Default(new NoOwners(), new FakeOomKills());

    private static FailureContext Exit(int code, params string[] lines) =>
        new("api", new ExitStatus(code, null), TimeSpan.FromSeconds(10), [.. lines], []);

    [Theory]
    [InlineData(1, "OSError: [Errno 98] Address already in use", Causes.PortConflict)]
    [InlineData(1, "Error: listen EADDRINUSE: address already in use :::3000", Causes.PortConflict)]
    [InlineData(1, "ModuleNotFoundError: No module named 'flask'", Causes.MissingDependency)]
    [InlineData(1, "Error: Cannot find module 'express'", Causes.MissingDependency)]
    [InlineData(127, "sh: 1: frobnicate: not found", Causes.MissingDependency)]
    [InlineData(126, "sh: 1: ./run.sh: Permission denied", Causes.PermissionDenied)]
    [InlineData(1, "OSError: [Errno 28] No space left on device", Causes.DiskFull)]
    [InlineData(1, "MemoryError", Causes.OutOfMemory)]
    [InlineData(1, "ConnectionRefusedError: [Errno 111] Connection refused", Causes.DependencyUnavailable)]
    [InlineData(1, "segfault or whatever", Causes.Unknown)]
    public void Classifies_output_into_its_cause(int code, string line, string cause) =>
        Assert.Equal(cause, Diagnoser.Diagnose(Exit(code, "starting", line)).Cause);

    [Fact]
    public void Port_conflict_names_the_holder_of_a_declared_port()
    {
        var d = Diagnoser.Diagnose(Exit(1, "OSError: [Errno 98] Address already in use") with { DeclaredPorts = [5001] });
        Assert.Equal(Causes.PortConflict, d.Cause);
        Assert.Equal("port 5001 is held by pid 4242 (python3 -m http.server 5001)", d.Evidence[0]);
        Assert.Contains("pid 4242", d.Summary);
    }

    [Fact]
    public void Quick_usage_error_is_a_config_error_but_a_late_one_is_not()
    {
        var quick = Exit(2, "usage: app.py [-h] --port PORT", "app.py: error: the following arguments are required: --port") with { Uptime = TimeSpan.FromMilliseconds(80) };
        Assert.Equal(Causes.ConfigError, Diagnoser.Diagnose(quick).Cause);
        Assert.NotEqual(Causes.ConfigError, Diagnoser.Diagnose(quick with { Uptime = TimeSpan.FromMinutes(5) }).Cause);
    }

    [Fact]
    public void Spawn_failure_with_127_is_a_missing_dependency_with_the_error_as_evidence()
    {
        var d = Diagnoser.Diagnose(Exit(127) with { SpawnError = "cannot start 'nope': command not found" });
        Assert.Equal(Causes.MissingDependency, d.Cause);
        Assert.Equal("cannot start 'nope': command not found", d.Evidence[0]);
    }

    [Fact]
    public void Reached_restart_limit_keeps_the_root_cause_and_says_crash_loop_only_when_nothing_more_is_known()
    {
        var d = Diagnoser.Diagnose(Exit(1, "ModuleNotFoundError: No module named 'flask'") with { RestartLimitReached = true });
        Assert.Equal(Causes.MissingDependency, d.Cause);
        Assert.Contains("quarantined", d.Summary);
        Assert.Contains("ModuleNotFoundError: No module named 'flask'", d.Evidence);

        var unknown = Diagnoser.Diagnose(Exit(1, "something odd happened") with { RestartLimitReached = true });
        Assert.Equal(Causes.CrashLoop, unknown.Cause);
    }

    [Fact]
    public void Reached_restart_limit_with_nothing_more_specific_is_a_crash_loop()
    {
        var d = Diagnoser.Diagnose(Exit(1, "starting", "segfault or whatever") with { RestartLimitReached = true });
        Assert.Equal(Causes.CrashLoop, d.Cause);
        Assert.Equal(["starting", "segfault or whatever"], d.Evidence);
    }

    [Fact]
    public void Hang_kill_is_a_hang_with_the_health_result_as_evidence()
    {
        var d = Diagnoser.Diagnose(new FailureContext("api", new ExitStatus(null, 9), TimeSpan.FromMinutes(1), [], [], KilledAsHung: true, HealthDetail: "timed out after 1s"));
        Assert.Equal(Causes.Hang, d.Cause);
        Assert.StartsWith("health check: timed out after 1s", d.Evidence[0]);
    }

    [Fact]
    public void A_held_dependency_is_dependency_unavailable()
    {
        var d = Diagnoser.Diagnose(Exit(1, "boom") with { DependencyDown = "waiting for db: healthy" });
        Assert.Equal(Causes.DependencyUnavailable, d.Cause);
    }

    [Fact]
    public void Memory_limit_kill_is_out_of_memory()
    {
        var d = Diagnoser.Diagnose(new FailureContext("api", new ExitStatus(null, 9), TimeSpan.FromMinutes(1), [], [],
            MemoryLimitBytes: 100, LastMemoryBytes: 95));
        Assert.Equal(Causes.OutOfMemory, d.Cause);
    }
}
