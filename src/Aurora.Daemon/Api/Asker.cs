using Aurora.Contracts.V1;
using Aurora.Core.Ask;
using Aurora.Core.Incidents;
using Aurora.Daemon.Hosting;

namespace Aurora.Daemon.Api;

/// What `POST /api/v1/ask` may read and do: the services (names in force, snapshots, logs), their control,
/// the reloader, the failure memory, for the routes other parts own the daemon's own API, and the daemon's
/// replacement (null when it has no holder).
internal sealed partial class Asker(IServiceReader services, IServiceControl control, Reloader reloader, IFailureStore? store,
    LoopbackApi loopback, TimeProvider time, Action? replaceDaemon = null)
{
    public const string Source = "ask";

    public AskParse Parse(string text) => new IntentParser(services.Names).Parse(text);

    public string? Plan(Intent intent) => AskPlan.For(intent, services.Names);

    public Task<AskResultDto> RunAsync(Intent intent, CancellationToken ct) => intent.Kind switch
    {
        IntentKind.Status => Task.FromResult(Status(intent)),
        IntentKind.Logs => Task.FromResult(Logs(intent)),
        IntentKind.Why => WhyAsync(intent, ct),
        IntentKind.PastFixes => PastFixesAsync(intent, ct),
        IntentKind.Forecast => ForecastAsync(ct),
        IntentKind.Heal => HealAsync(intent.Service!, ct),
        IntentKind.Reload => ReloadAsync(ct),
        IntentKind.DaemonRestart => Task.FromResult(DaemonRestart()),
        _ => ActAsync(intent),
    };

    private HistoryQuery Query(Intent intent, int limit)
    {
        DateTimeOffset? since = intent.Since is { } phrase ? HistorySince.Resolve(phrase, time.GetUtcNow(), time.LocalTimeZone) : null;
        return new HistoryQuery(null, intent.Service, intent.Cause, since, limit);
    }

    private static AskResultDto NoMemory() => new(false, "this daemon keeps no failure memory");
}
