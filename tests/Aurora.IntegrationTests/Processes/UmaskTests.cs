using System.Runtime.CompilerServices;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

/// Issue 19, finding 7: services inherited the daemon's umask 077 instead of the umask of whoever ran
/// `aurora up`; a service may set its own (`umask: "022"`, ProcessSpec.Umask).
public sealed class UmaskTests : ProcessTestBase
{
    /// This process's umask before any test ran: what "whoever ran aurora up" had.
    private static string _initial = "";

    [ModuleInitializer]
    internal static void CaptureInitialUmask() => _initial = Current();

    /// The calling process's umask, as /proc shows it ("0022").
    private static string Current() =>
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Umask:", StringComparison.Ordinal))["Umask:".Length..].Trim();

    private async Task<string> ChildUmask(int? umask)
    {
        var sink = new LineSink();
        var process = Start(TestChild.Command(sink, null, "sh", "-c", "umask") with { Umask = umask });
        await process.Exited.DefaultTimeout();
        await sink.Completed.DefaultTimeout();
        return Assert.Single(sink.Lines);
    }

    [Fact(Timeout = 30000)]
    public async Task A_spec_umask_is_the_childs_and_the_launchers_own_is_put_back()
    {
        var before = Current();

        Assert.Equal("0027", await ChildUmask(0b000_010_111));
        Assert.Equal("0002", await ChildUmask(0b000_000_010));
        Assert.Equal(before, Current());
    }

    [Fact(Timeout = 30000)]
    public async Task Without_a_spec_umask_the_child_inherits_the_launchers() =>
        Assert.Equal(Current(), await ChildUmask(null));

    [Fact(Timeout = 30000)]
    public async Task Fix_commands_run_with_the_services_umask()
    {
        var output = new SinkOutput();
        var runner = new Aurora.Core.Healing.FixCommandRunner(Launcher, TestChild.BaseEnvironment, TimeProvider.System);
        var service = new Aurora.Core.Config.ServiceConfig("api", ["true"], false, Environment.CurrentDirectory,
            System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, null, [], [], null,
            Aurora.Core.Config.RestartConfig.Default, Aurora.Core.Config.StopConfig.Default, Aurora.Core.Config.ResourceLimits.None,
            Aurora.Core.Config.LogConfig.Default, Aurora.Core.Config.DependencyFailureAction.Stop, [], [], Umask: 0b000_111_111);

        var (ok, _) = await runner.RunAsync(["sh", "-c", "umask"], service, output, TimeSpan.FromSeconds(10), CancellationToken.None);
        await output.Sink.Completed.DefaultTimeout();

        Assert.True(ok);
        Assert.Equal(["0077"], output.Sink.Lines);
    }

    private sealed class SinkOutput : Aurora.Core.Logs.IServiceOutput
    {
        public LineSink Sink { get; } = new();

        public IOutputSink OpenWriter() => Sink;

        public void WriteNote(string line)
        {
        }

        public IReadOnlyList<string> RecentLines(int count) => [];
    }

    [Fact(Timeout = 60000)]
    public async Task Services_get_the_umask_of_whoever_ran_aurora_up_and_the_daemon_keeps_its_state_private()
    {
        await using var project = TestProject.Create("""
            services:
              job:
                command: ["sh", "-c", "echo umask=$(umask); exec sleep 1000"]
            """);
        await using var daemon = await project.StartDaemonAsync();

        var line = await daemon.WaitForLogLine("job", "umask=", prefix: true);

        Assert.Equal($"umask={_initial}", line);
        Assert.Equal(_initial, Current());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(project.Paths.StateDirectory));
    }

    [Fact(Timeout = 60000)]
    public async Task A_service_with_its_own_umask_runs_with_it()
    {
        await using var project = TestProject.Create("""
            services:
              job:
                command: ["sh", "-c", "echo umask=$(umask); exec sleep 1000"]
                umask: "027"
            """);
        await using var daemon = await project.StartDaemonAsync();

        var line = await daemon.WaitForLogLine("job", "umask=", prefix: true);

        Assert.Equal("umask=0027", line);
        Assert.Equal(_initial, Current());
    }
}
