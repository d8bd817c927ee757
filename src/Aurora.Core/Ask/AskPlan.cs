namespace Aurora.Core.Ask;

/// What a state-changing intent will do, said before it is done (and confirmed). `services` is the config's
/// services in start order, for "all".
public static class AskPlan
{
    public static string? For(Intent intent, IReadOnlyList<string> services)
    {
        var named = intent.All ? services : (IReadOnlyList<string>)intent.Services;
        var list = string.Join(", ", named);
        return intent.Kind switch
        {
            IntentKind.Restart when intent.All =>
                $"restart every service: stop {string.Join(", ", services.Reverse())} (reverse dependency order), then start {list}",
            IntentKind.Restart => $"restart {list} (services that depend on {(named.Count == 1 ? "it" : "them")} with a restart policy follow)",
            IntentKind.Stop when intent.All => $"stop every service, in reverse dependency order: {string.Join(", ", services.Reverse())} (the daemon keeps running)",
            IntentKind.Stop => $"stop {list} and keep {(named.Count == 1 ? "it" : "them")} down until started again",
            IntentKind.Start when intent.All => $"start every service, in dependency order: {list} (lifting any quarantine)",
            IntentKind.Start => $"start {list} (lifting a quarantine)",
            IntentKind.Heal => $"diagnose {list} now and run the fixes for its cause, each verified or rolled back",
            IntentKind.Reload => "re-read aurora.yaml and apply it: new services start, removed ones stop, changed ones restart (a bad file changes nothing)",
            IntentKind.DaemonRestart => "replace the daemon with a new one (the binary on disk) without restarting any service",
            _ => null,
        };
    }
}
