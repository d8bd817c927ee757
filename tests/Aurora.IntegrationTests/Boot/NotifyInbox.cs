using Aurora.Core.Notify;

namespace Aurora.IntegrationTests.Boot;

/// A notify socket a test listens on, as systemd would: it keeps every message, in order of arrival.
internal sealed class NotifyInbox : IDisposable
{
    private NotifyInbox(NotifyListener listener)
    {
        Listener = listener;
    }

    public NotifyListener Listener { get; }

    /// The value for `$NOTIFY_SOCKET`.
    public string Address => Listener.Address.Text;

    public List<NotifyMessage> Seen { get; } = [];

    public static NotifyInbox Open() => new(NotifyListener.Bind(NotifyAddress.Abstract($"aurora-test/{Guid.NewGuid():N}")));

    public async Task<NotifyMessage> Next(CancellationToken ct)
    {
        var message = await Listener.ReceiveAsync(ct).AsTask().DefaultTimeout();
        Seen.Add(message);
        return message;
    }

    /// Receives until a message matches; everything before it is kept in Seen.
    public async Task<NotifyMessage> WaitFor(Func<NotifyMessage, bool> match, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (await Next(ct) is var message && match(message))
                {
                    return message;
                }
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(ex.Message + "; received:\n" + string.Join("\n", Seen.Select(m => $"  {m}")), ex);
            }
        }
    }

    public void Dispose() => Listener.Dispose();
}
