using System.Text.Json;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.Processes;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Adoption;

/// A project run the way a user runs it: `aurora up -d` (the real binary, so a real holder), killed with
/// SIGKILL, brought up again; events read from `aurora events -f --json`, the state from `status --json`.
internal sealed class DetachedProject(TestProject project) : IAsyncDisposable
{
    public TestProject Project => project;

    public static DetachedProject Create(string yaml) => new(TestProject.Create(yaml));

    /// `aurora up -d` of a project with one service, `a` (a `sleep`), waited until it has started.
    public static async Task<DetachedProject> UpWithOneSleeperAsync(CancellationToken ct)
    {
        var project = Create("""
            services:
              a:
                command: ["sleep", "1000"]
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted, 1, ct);
        return project;
    }

    public async Task UpAsync(CancellationToken ct)
    {
        var up = await project.Cli(ct, "up", "-d");
        Assert.True(up.ExitCode == 0, up.Output);
    }

    public int DaemonPid => DaemonLock.RunningPid(project.Paths) ?? throw new InvalidOperationException("no daemon runs");

    /// SIGKILL to the daemon, and waits until it is gone (its lock released).
    public async Task KillDaemonAsync(CancellationToken ct)
    {
        var pid = DaemonPid;
        Assert.Equal(0, Os.Kill(pid, Signals.SIGKILL));
        await Eventually(() => DaemonLock.RunningPid(project.Paths) is null && ProcessTable.Read(pid) is null or { IsZombie: true }, ct);
    }

    public async Task<ServiceListDto> StatusAsync(CancellationToken ct)
    {
        var result = await project.Cli(ct, "status", "--json");
        Assert.True(result.ExitCode == 0, result.Output);
        return JsonSerializer.Deserialize(result.Output, AuroraJsonContext.Default.ServiceListDto)!;
    }

    /// Follows the event stream after `after` until `count` events match, or the deadline.
    public async Task<List<EventDto>> WaitForEventsAsync(long after, Func<EventDto, bool> match, int count, CancellationToken ct)
    {
        var sink = new LineSink();
        var env = TestChild.BaseEnvironment.SetItem("NO_COLOR", "1");
        var follower = new PosixProcessLauncher().Start(new ProcessSpec(
            [AuroraBinary.Path, "events", "-f", "--json", "--after", after.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            project.Dir, env, null, sink));
        try
        {
            var found = new List<EventDto>();
            await sink.WaitForLineAsync(line =>
            {
                if (Parse(line) is { } e && match(e))
                {
                    found.Add(e);
                }

                return found.Count >= count;
            }).WaitAsync(ct).DefaultTimeout(TimeSpan.FromSeconds(30));
            return found;
        }
        finally
        {
            await follower.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(2), CancellationToken.None);
        }
    }

    public async Task<long> LastSeqAsync(CancellationToken ct) => (await StatusAsync(ct)).Seq;

    /// The processes of this project: those with its tag, and its holder.
    public List<ProcessInfo> Tagged() =>
        [.. ProcessTable.All().Where(p => !p.IsZombie && ProcessTable.Tag(p.Pid) is { } tag && tag.StartsWith(project.Paths.ProjectId + "/", StringComparison.Ordinal))];

    public List<int> Holders() =>
        [.. ProcessTable.AllPids().Where(pid => ProcessTable.CommandLine(pid) is [.., "holder", var dir] && dir == project.Paths.StateDirectory
            && ProcessTable.Read(pid) is { IsZombie: false })];

    private static EventDto? Parse(string line)
    {
        try
        {
            return line.StartsWith('{') ? JsonSerializer.Deserialize(line, AuroraJsonContext.Default.EventDto) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// `down` returns once the daemon has gone; its holder, with nothing left to hand over, exits right after (it sees
    /// the daemon's socket close), not before `down` returns.
    public static Task HoldersGoneAsync(DetachedProject project, CancellationToken ct) =>
        Eventually(() => project.Holders().Count == 0, ct, TimeSpan.FromSeconds(10));

    /// A condition about processes outside this test's reach (no event tells of them): re-checked every 10 ms, bounded.
    public static async Task Eventually(Func<bool> condition, CancellationToken ct, TimeSpan? within = null)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < (within ?? TimeSpan.FromSeconds(20)), "the condition never held");
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, ct);
        }
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
