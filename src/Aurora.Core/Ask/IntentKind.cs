namespace Aurora.Core.Ask;

/// What a sentence asks for. Start, Stop, Restart, Heal, Reload and DaemonRestart change state and act only
/// once confirmed; the others answer at once.
public enum IntentKind
{
    Status,
    Logs,
    Why,
    Forecast,
    PastFixes,
    Start,
    Stop,
    Restart,
    Heal,
    Reload,
    DaemonRestart,
}

public static class IntentKinds
{
    public static bool ChangesState(this IntentKind kind) =>
        kind is IntentKind.Start or IntentKind.Stop or IntentKind.Restart or IntentKind.Heal or IntentKind.Reload or IntentKind.DaemonRestart;

    /// The wire name: "status", "past_fixes", "daemon_restart" ….
    public static string WireName(this IntentKind kind) => kind switch
    {
        IntentKind.PastFixes => "past_fixes",
        IntentKind.DaemonRestart => "daemon_restart",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
