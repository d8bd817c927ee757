using Microsoft.Extensions.Hosting;

namespace Aurora.Daemon.Hosting;

/// Starts the stack with the host and stops it (reverse dependency order) when the host stops,
/// whether by Ctrl-C, SIGTERM or `aurora down`.
internal sealed class SupervisorService(AuroraRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync();

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAllAsync();
}
