using System.Text;
using System.Text.RegularExpressions;
using Aurora.Core.Notify;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// Passes a process's output on, and tells once when a line of it matches `ready.log` (lines are assembled across
/// chunks; a line longer than 64 KiB is matched on its first 64 KiB). After the match it only passes output on.
internal sealed class ReadyLineSink(IOutputSink inner, Regex pattern, Action ready) : IOutputSink
{
    private const int MaxLine = 64 * 1024;

    private readonly List<byte> _line = [];
    private bool _done;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        inner.Write(chunk);
        if (_done)
        {
            return;
        }

        foreach (var b in chunk)
        {
            if (b == (byte)'\n')
            {
                if (Matches())
                {
                    return;
                }

                _line.Clear();
            }
            else if (_line.Count < MaxLine)
            {
                _line.Add(b);
            }
        }
    }

    public void Complete() => inner.Complete();

    private bool Matches()
    {
        var text = Encoding.UTF8.GetString([.. _line]).TrimEnd('\r');
        bool hit;
        try
        {
            hit = pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            hit = false;
        }

        if (!hit)
        {
            return false;
        }

        _done = true;
        _line.Clear();
        ready();
        return true;
    }
}

/// A service's own NOTIFY_SOCKET (`ready: { notify: true }`): an abstract datagram socket for one process, whose
/// READY=1, STATUS=… and WATCHDOG=1 go back to the supervisor's loop. The same protocol Aurora speaks to systemd.
internal sealed class NotifyWatch : IDisposable
{
    private readonly NotifyListener _listener;
    private readonly CancellationTokenSource _stop = new();

    public NotifyWatch(string name, Action<NotifyMessage> onMessage)
        : this(NotifyAddress.Abstract(name), onMessage)
    {
    }

    /// At a given address: an adopted process keeps the $NOTIFY_SOCKET it was started with, so it is bound again.
    public NotifyWatch(NotifyAddress address, Action<NotifyMessage> onMessage)
    {
        _listener = NotifyListener.Bind(address);
        _ = Task.Run(async () =>
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    onMessage(await _listener.ReceiveAsync(_stop.Token));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
            }
        });
    }

    /// What the service finds in $NOTIFY_SOCKET ("@aurora/…").
    public string Address => _listener.Address.Text;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _stop.Dispose();
    }
}
