namespace Aurora.Core.Supervision;

/// Starting the stack when an earlier daemon left processes behind: each is taken over instead of started.
public sealed partial class Orchestrator
{
    /// Adopts each service in `adopted` (by name), keeps each in `restored` that has no process as it was (stopped,
    /// failed, exited, in backoff), and starts the others as StartAllAsync does. A service whose config changed
    /// meanwhile (its fingerprint differs from the one its process was started with) is then restarted, as a
    /// reload would have done.
    public Task StartAllAsync(IReadOnlyDictionary<string, AdoptedService> adopted, IReadOnlyDictionary<string, RestoredService>? restored = null) =>
        Task.WhenAll(Services.Select(async s =>
        {
            if (!adopted.TryGetValue(s.Name, out var service))
            {
                if (restored?.GetValueOrDefault(s.Name) is { Keeps: true } kept)
                {
                    await s.RestoreAsync(kept);
                }
                else if (Config.StartsWithStack(s.Config))
                {
                    await s.StartAsync(manual: false);
                }

                return;
            }

            await s.AdoptAsync(service);
            if (service.Memo is { } memo && memo.Fingerprint != ProcessFingerprint.Of(s.Config) && s.Snapshot.Pid is not null)
            {
                s.Output.WriteNote("[aurora] the config of this service changed while no daemon ran: restarting it");
                await s.RestartAsync("reload");
            }
        }));

    /// Lets go of every service without stopping any (a daemon handing over to the next one).
    public async Task DetachAsync()
    {
        _ctx.States.Published -= OnPublished;
        await Task.WhenAll(_supervisors.Values.Select(s => s.DetachAsync()));
    }
}
