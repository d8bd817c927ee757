using Aurora.Core.Events;

namespace Aurora.IntegrationTests.Adoption;

/// Services spawned through the holder that end at once: the holder may report the exit before the daemon has built
/// the process's handle, and the exit code must still be the one the process gave (a lost status read as a failure,
/// and a one-shot `true` went into backoff).
public class QuickExitTests
{
    [Fact(Timeout = 120000)]
    public async Task Processes_that_exit_at_once_keep_their_exit_codes()
    {
        var ct = TestContext.Current.CancellationToken;
        const int count = 12;
        var services = string.Concat(Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? $"  ok{i}:\n    command: [\"true\"]\n    restart: {{ policy: on-failure }}\n"
            : $"  three{i}:\n    command: [\"sh\", \"-c\", \"exit 3\"]\n    restart: {{ policy: on-failure }}\n    success_exit_codes: [3]\n"));
        await using var project = DetachedProject.Create("services:\n" + services);
        await project.UpAsync(ct);

        var exits = await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceExited, count, ct);
        Assert.All(exits, e => Assert.Equal(e.Service!.StartsWith("ok", StringComparison.Ordinal) ? 0 : 3, e.Data.GetProperty("exit_code").GetInt32()));
        var status = await project.StatusAsync(ct);
        Assert.All(status.Services, s => Assert.Equal("exited", s.State));
    }
}
