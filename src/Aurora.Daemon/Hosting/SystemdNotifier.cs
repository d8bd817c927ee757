using System.Globalization;
using System.Net.Sockets;
using Aurora.Core.Notify;

namespace Aurora.Daemon.Hosting;

/// Aurora as a `Type=notify` service: the messages the daemon sends systemd over `$NOTIFY_SOCKET`. A send
/// that fails (systemd gone, the socket full) is reported once on stderr and never stops the daemon.
public sealed class SystemdNotifier : IDisposable
{
    public const string SocketVariable = NotifyVariables.Socket;
    public const string WatchdogUsecVariable = NotifyVariables.WatchdogUsec;
    public const string WatchdogPidVariable = NotifyVariables.WatchdogPid;

    // STATUS= is one line for `systemctl status`; the whole datagram must stay under NotifyMessage.MaxBytes.
    private const int MaxStatus = 1024;

    private readonly NotifySender _sender;
    private int _failed;

    private SystemdNotifier(NotifySender sender, TimeSpan? watchdogInterval)
    {
        _sender = sender;
        WatchdogInterval = watchdogInterval;
    }

    public NotifyAddress Address => _sender.Address;

    /// Half of `WatchdogSec=` (systemd passes it as WATCHDOG_USEC), as sd_watchdog_enabled(3) advises; null when
    /// the unit has no watchdog, or it is meant for another process (WATCHDOG_PID).
    public TimeSpan? WatchdogInterval { get; }

    /// The notifier `$NOTIFY_SOCKET` asks for, or null when the daemon does not run under a notify-aware manager.
    public static SystemdNotifier? FromEnvironment() =>
        From(Environment.GetEnvironmentVariable, Environment.ProcessId);

    public static SystemdNotifier? From(Func<string, string?> environment, int pid)
    {
        if (NotifyAddress.Parse(environment(SocketVariable)) is not { } address)
        {
            return null;
        }

        TimeSpan? watchdog = null;
        var forUs = environment(WatchdogPidVariable) is not { } owner || owner == pid.ToString(CultureInfo.InvariantCulture);
        if (forUs && long.TryParse(environment(WatchdogUsecVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0)
        {
            watchdog = TimeSpan.FromMicroseconds(usec / 2);
        }

        return new SystemdNotifier(new NotifySender(address), watchdog);
    }

    /// Every service has settled (StackProgress.Settled).
    public void Ready(string status) => Send(("READY", "1"), ("STATUS", Line(status)));

    public void Status(string status) => Send(("STATUS", Line(status)));

    public void Watchdog() => Send(("WATCHDOG", "1"));

    /// A watchdog ping that also moves systemd's start-up deadline (`TimeoutStartSec=`) to `by` from now: the
    /// watchdog itself runs only once READY=1 is in, and a stack may take longer than a fixed timeout to settle.
    public void Watchdog(TimeSpan extendStartBy) =>
        Send(("WATCHDOG", "1"), ("EXTEND_TIMEOUT_USEC", ((long)extendStartBy.TotalMicroseconds).ToString(CultureInfo.InvariantCulture)));

    /// The daemon is shutting down: its services stop next, in reverse dependency order.
    public void Stopping(string status) => Send(("STOPPING", "1"), ("STATUS", Line(status)));

    /// This process is now the unit's main process: a daemon that replaced another (`aurora daemon restart`)
    /// says so, or systemd would take the old one's exit for the service's.
    public void MainPid(int pid) => Send(("MAINPID", pid.ToString(CultureInfo.InvariantCulture)));

    private void Send(params (string Key, string Value)[] assignments)
    {
        try
        {
            _sender.Send(NotifyMessage.Of(assignments));
        }
        catch (SocketException ex) when (Interlocked.Exchange(ref _failed, 1) == 0)
        {
            Console.Error.WriteLine($"aurora: cannot notify systemd at {Address}: {ex.Message} (further failures are not reported)");
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
            // A watchdog tick that raced the daemon's shutdown.
        }
    }

    private static string Line(string text)
    {
        var line = string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsControl(t[i]) ? ' ' : t[i];
            }
        });
        if (line.Length <= MaxStatus)
        {
            return line;
        }

        var cut = char.IsHighSurrogate(line[MaxStatus - 2]) ? MaxStatus - 2 : MaxStatus - 1;
        return line[..cut] + "…";
    }

    public void Dispose() => _sender.Dispose();
}
