namespace Aurora.Core.Notify;

/// The environment variables of the notify protocol (sd_notify(3), sd_watchdog_enabled(3)).
public static class NotifyVariables
{
    public const string Socket = "NOTIFY_SOCKET";
    public const string WatchdogUsec = "WATCHDOG_USEC";
    public const string WatchdogPid = "WATCHDOG_PID";
}
