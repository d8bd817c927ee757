using System.Net.Sockets;
using System.Text;
using Aurora.Core.Notify;

namespace Aurora.Core.Tests.Notify;

/// Real datagram sockets: Aurora's sender to Aurora's listener, and a plain socket to it the way
/// sd_notify(3) (and so systemd-notify) sends.
public class NotifyListenerTests
{
    private static NotifyAddress UniqueAbstract() => NotifyAddress.Abstract($"aurora-test/{Guid.NewGuid():N}");

    [Fact]
    public async Task Sender_to_listener_on_an_abstract_name_delivers_every_message_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = NotifyListener.Bind(UniqueAbstract());
        using var sender = new NotifySender(listener.Address);

        sender.Send(NotifyMessage.Of(("MAINPID", "77")));
        sender.Send(NotifyMessage.Of(("READY", "1"), ("STATUS", "2 services: 2 up")));
        sender.Send(NotifyMessage.Of(("WATCHDOG", "1")));
        sender.Send(NotifyMessage.Of(("STOPPING", "1")));

        Assert.Equal(77, (await listener.ReceiveAsync(ct).AsTask().DefaultTimeout()).MainPid);
        var ready = await listener.ReceiveAsync(ct).AsTask().DefaultTimeout();
        Assert.True(ready.Ready);
        Assert.Equal("2 services: 2 up", ready.Status);
        Assert.True((await listener.ReceiveAsync(ct).AsTask().DefaultTimeout()).Watchdog);
        Assert.True((await listener.ReceiveAsync(ct).AsTask().DefaultTimeout()).Stopping);
    }

    [Fact]
    public async Task A_listener_at_a_path_receives_and_removes_its_socket_file_when_disposed()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Path.GetTempPath(), $"aur-notify-{Guid.NewGuid():N}"[..24] + ".sock");
        var listener = NotifyListener.Bind(NotifyAddress.AtPath(path));
        using (var sender = new NotifySender(NotifyAddress.Parse(path)!))
        {
            sender.Send(NotifyMessage.Of(("READY", "1")));
            Assert.True((await listener.ReceiveAsync(ct).AsTask().DefaultTimeout()).Ready);
        }

        Assert.True(File.Exists(path));
        listener.Dispose();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_plain_datagram_as_sd_notify_sends_it_arrives_with_the_senders_pid()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = NotifyListener.Bind(UniqueAbstract());
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

        // NOTIFY_SOCKET="@name" means the abstract address "\0name", as sd_notify reads it.
        socket.SendTo("READY=1\nSTATUS=up\nMAINPID=4242"u8.ToArray(), new UnixDomainSocketEndPoint("\0" + listener.Address.Text[1..]));
        var message = await listener.ReceiveAsync(ct).AsTask().DefaultTimeout();

        Assert.True(message.Ready);
        Assert.Equal("up", message.Status);
        Assert.Equal(4242, message.MainPid);
        Assert.Equal(Environment.ProcessId, message.SenderPid);
    }

    [Fact]
    public async Task Datagrams_systemd_would_refuse_are_dropped_and_counted_and_the_next_one_comes_through()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = NotifyListener.Bind(UniqueAbstract());
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var to = new UnixDomainSocketEndPoint("\0" + listener.Address.Text[1..]);

        socket.SendTo(Encoding.UTF8.GetBytes("STATUS=" + new string('x', NotifyMessage.MaxBytes)), to);
        socket.SendTo("READY=1\0"u8.ToArray(), to);
        socket.SendTo(new byte[] { (byte)'S', (byte)'=', 0xc3 }, to);
        socket.SendTo("WATCHDOG=1"u8.ToArray(), to);

        Assert.True((await listener.ReceiveAsync(ct).AsTask().DefaultTimeout()).Watchdog);
        Assert.Equal(3, listener.Dropped);
    }

    [Fact]
    public void The_sender_refuses_a_message_systemd_would_truncate()
    {
        using var listener = NotifyListener.Bind(UniqueAbstract());
        using var sender = new NotifySender(listener.Address);

        Assert.Throws<ArgumentException>(() => sender.Send(NotifyMessage.Of(("STATUS", new string('x', NotifyMessage.MaxBytes)))));
    }

    [Fact]
    public void Sending_where_nobody_listens_fails_loudly()
    {
        using var sender = new NotifySender(UniqueAbstract());

        Assert.Throws<SocketException>(() => sender.Send(NotifyMessage.Of(("READY", "1"))));
    }

    [Fact]
    public async Task Receiving_stops_when_cancelled()
    {
        using var listener = NotifyListener.Bind(UniqueAbstract());
        using var cts = new CancellationTokenSource();

        var receive = listener.ReceiveAsync(cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receive.DefaultTimeout());
    }
}
