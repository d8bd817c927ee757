namespace Aurora.Daemon.Hosting;

/// How a daemon's run ended: stopped (with its services), or asked to be replaced by a new daemon (services kept).
public enum DaemonOutcome
{
    Stopped,
    Replace,
}
