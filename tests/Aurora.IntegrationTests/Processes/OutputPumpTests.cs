using System.Net.Sockets;
using System.Text;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

/// Issue 17: a daemon killed while it holds a line's start would lose that line (Python's print writes the text,
/// then "\n", in two writes). The pump takes from the socket only whole lines it has written.
public sealed class OutputPumpTests
{
    [Fact(Timeout = 30000)]
    public async Task A_line_s_start_stays_in_the_socket_for_the_next_reader_when_the_pump_lets_go()
    {
        var (parent, child) = OutputPump.CreatePair();
        using var writer = new Socket(new SafeSocketHandle(child, ownsHandle: true));
        using var kept = new Socket(new SafeSocketHandle(Os.Dup(parent), ownsHandle: true)); // the holder's copy
        var sink = new LineSink();
        var pump = OutputPump.Start(parent, sink, out var pumped);

        writer.Send("ready\n12"u8); // one write: the pump sees both at once
        await sink.WaitForLineAsync("ready", TestContext.Current.CancellationToken).DefaultTimeout();
        pumped.Dispose();
        await pump.DefaultTimeout();

        Assert.Equal(["ready"], sink.Lines);
        Assert.Equal(2, kept.Available);
        writer.Send("3\n"u8);
        Assert.Equal(4, kept.Available);
        var next = new LineSink();
        _ = OutputPump.Start(Os.Dup((int)kept.Handle), next);
        Assert.Equal("123", await next.WaitForLineAsync("1", TestContext.Current.CancellationToken).DefaultTimeout());
    }

    [Fact(Timeout = 30000)]
    public async Task A_line_written_in_two_writes_reaches_the_sink_whole()
    {
        var (parent, child) = OutputPump.CreatePair();
        using var writer = new Socket(new SafeSocketHandle(child, ownsHandle: true));
        var sink = new LineSink();
        _ = OutputPump.Start(parent, sink);

        writer.Send("54"u8);
        writer.Send("2\n"u8);
        writer.Send("543\n"u8);

        Assert.Equal("543", await sink.WaitForLineAsync("543", TestContext.Current.CancellationToken).DefaultTimeout());
        Assert.Equal(["542", "543"], sink.Lines);
    }

    [Fact(Timeout = 30000)]
    public async Task An_unfinished_last_line_reaches_the_sink_when_its_writers_have_gone()
    {
        var (parent, child) = OutputPump.CreatePair();
        var writer = new Socket(new SafeSocketHandle(child, ownsHandle: true));
        var sink = new LineSink();
        var pump = OutputPump.Start(parent, sink);

        writer.Send(Encoding.ASCII.GetBytes("ready\nPassword: "));
        await sink.WaitForLineAsync("ready", TestContext.Current.CancellationToken).DefaultTimeout();
        writer.Dispose();

        await pump.DefaultTimeout();
        Assert.Equal(["ready", "Password: "], sink.Lines);
    }
}
