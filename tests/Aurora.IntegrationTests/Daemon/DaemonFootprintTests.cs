using Aurora.Core.Events;
using Aurora.IntegrationTests.Adoption;

namespace Aurora.IntegrationTests.Daemon;

/// What a detached daemon keeps mapped for as long as it runs: its log is written from its own event log, so no
/// WebSocket client of its own API runs inside it, and OpenSSL (which that client's handshake loaded) never does.
public sealed class DaemonFootprintTests
{
    [Fact(Timeout = 120000)]
    public async Task A_detached_daemon_logs_its_events_without_loading_openssl()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DetachedProject.UpWithOneSleeperAsync(ct);
        var log = project.Project.Paths.DaemonLog;
        await DetachedProject.Eventually(() => File.Exists(log) && File.ReadAllText(log).Contains(EventTypes.ServiceStarted, StringComparison.Ordinal), ct);

        var maps = File.ReadAllText($"/proc/{project.DaemonPid}/maps");
        Assert.DoesNotContain("libcrypto", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("libssl", maps, StringComparison.Ordinal);
        Assert.Equal(0, (await project.Project.Cli(ct, "down")).ExitCode);
    }
}
