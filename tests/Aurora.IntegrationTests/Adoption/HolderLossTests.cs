using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Adoption;

/// The holder killed under a running daemon: its services are still supervised (their end seen through /proc,
/// the status unknown), and the next spawn starts a new holder.
public sealed class HolderLossTests
{
    [Fact(Timeout = 120000)]
    public async Task A_service_whose_holder_was_killed_is_still_restarted_when_it_dies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = DetachedProject.Create("""
            services:
              a:
                command: ["sleep", "1000"]
                restart: { backoff: { initial: 10ms } }
            """);
        await project.UpAsync(ct);
        await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted, 1, ct);
        var before = await project.StatusAsync(ct);
        var pid = before.Services.Single().Pid!.Value;
        var holder = Assert.Single(project.Holders());

        Assert.Equal(0, Os.Kill(holder, Signals.SIGKILL));
        await DetachedProject.Eventually(() => project.Holders().Count == 0, ct);
        Assert.Equal(0, Os.Kill(pid, Signals.SIGKILL));

        var started = await project.WaitForEventsAsync(before.Seq, e => e.Type == EventTypes.ServiceStarted, 1, ct);
        Assert.NotEqual(pid, started.Single().Data.GetProperty("pid").GetInt32());
        Assert.NotEqual(holder, Assert.Single(project.Holders()));
        Assert.Equal(0, (await project.Project.Cli(ct, "down")).ExitCode);
        Assert.Empty(project.Tagged());
        await DetachedProject.HoldersGoneAsync(project, ct);
    }
}
