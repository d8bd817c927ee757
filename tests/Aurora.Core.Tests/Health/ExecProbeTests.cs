using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Health;
using Aurora.Core.Processes;
using Aurora.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Aurora.Core.Tests.Health;

public class ExecProbeTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLauncher _launcher = new();

    private static HealthCheckConfig Config(params string[] argv) =>
        new(HealthCheckKind.Exec, "", [.. argv], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 3, TimeSpan.Zero);

    private IHealthProbe Probe(params string[] argv) =>
        HealthProbeFactory.Create(Config(argv), "/srv/api", new Dictionary<string, string> { ["PORT"] = "5001" }, _launcher, _time);

    [Fact]
    public async Task Runs_argv_in_the_services_cwd_and_env_with_output_discarded()
    {
        // Taken before the check starts: the launcher replaces NextStart as soon as a start happens.
        var started = _launcher.NextStart.Task;
        var check = Probe("pg_isready", "-h", "127.0.0.1").CheckAsync(CancellationToken.None);
        var process = await started.DefaultTimeout();
        process.Exit(0);
        await check.DefaultTimeout();

        Assert.Equal(["pg_isready", "-h", "127.0.0.1"], process.Spec.Argv);
        Assert.Equal("/srv/api", process.Spec.WorkingDirectory);
        Assert.Equal("5001", process.Spec.Environment["PORT"]);
        Assert.Null(process.Spec.Output);
    }

    [Theory]
    [InlineData(0, true, "exit code 0")]
    [InlineData(1, false, "exit code 1")]
    [InlineData(137, false, "exit code 137")]
    public async Task Exit_zero_is_healthy_anything_else_is_not(int code, bool healthy, string detail)
    {
        // Taken before the check starts: the launcher replaces NextStart as soon as a start happens.
        var started = _launcher.NextStart.Task;
        var check = Probe("check").CheckAsync(CancellationToken.None);
        var process = await started.DefaultTimeout();
        _time.Advance(TimeSpan.FromMilliseconds(30));
        process.Exit(code);

        var result = await check.DefaultTimeout();

        Assert.Equal(healthy, result.Healthy);
        Assert.Equal(detail, result.Detail);
        Assert.False(result.TimedOut);
        Assert.Equal(TimeSpan.FromMilliseconds(30), result.Duration);
    }

    [Fact]
    public async Task Command_that_cannot_start_is_unhealthy()
    {
        _launcher.StartThrows = new ProcessSpawnException("nope", 2, "No such file or directory");

        var result = await Probe("nope").CheckAsync(CancellationToken.None).DefaultTimeout();

        Assert.False(result.Healthy);
        Assert.Equal("cannot start 'nope': No such file or directory", result.Detail);
    }

    [Fact]
    public async Task Timeout_kills_the_check_and_reports_timed_out()
    {
        using var cts = new CancellationTokenSource();
        // Taken before the check starts: the launcher replaces NextStart as soon as a start happens.
        var started = _launcher.NextStart.Task;
        var check = Probe("sleep", "60").CheckAsync(cts.Token);
        var process = await started.DefaultTimeout();

        _time.Advance(TimeSpan.FromSeconds(2));
        cts.Cancel();
        var result = await check.DefaultTimeout();

        Assert.Equal([(Signals.SIGKILL, TimeSpan.Zero)], process.Stops.ToArray());
        Assert.False(result.Healthy);
        Assert.True(result.TimedOut);
        Assert.Equal("timed out after 2s", result.Detail);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Duration);
    }

    [Fact]
    public void Factory_builds_the_probe_for_each_kind()
    {
        var env = new Dictionary<string, string>();
        var http = new HealthCheckConfig(HealthCheckKind.Http, "http://127.0.0.1:5001/health", [], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 3, TimeSpan.Zero);
        var tcp = http with { Kind = HealthCheckKind.Tcp, Target = "localhost:6390" };

        Assert.Equal(new Uri("http://127.0.0.1:5001/health"), Assert.IsType<HttpProbe>(HealthProbeFactory.Create(http, "/", env, _launcher)).Url);
        var tcpProbe = Assert.IsType<TcpProbe>(HealthProbeFactory.Create(tcp, "/", env, _launcher));
        Assert.Equal(("localhost", 6390), (tcpProbe.Host, tcpProbe.Port));
        Assert.IsType<ExecProbe>(HealthProbeFactory.Create(Config("true"), "/", env, _launcher));
    }

    [Theory]
    [InlineData("127.0.0.1:80", "127.0.0.1", 80)]
    [InlineData("[::1]:8080", "::1", 8080)]
    [InlineData("db.internal:5432", "db.internal", 5432)]
    public void Tcp_target_is_parsed(string target, string host, int port) =>
        Assert.Equal((host, port), TcpProbe.Parse(target));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData(":80")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    public void Bad_tcp_target_is_rejected(string target) =>
        Assert.Throws<FormatException>(() => TcpProbe.Parse(target));
}
