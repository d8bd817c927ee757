using System.Text;
using Aurora.Core.Notify;

namespace Aurora.Core.Tests.Notify;

public class NotifyMessageTests
{
    private static NotifyMessage Parse(string text) => NotifyMessage.Parse(Encoding.UTF8.GetBytes(text))!;

    [Fact]
    public void Reads_every_assignment_of_a_datagram_in_order()
    {
        var message = Parse("READY=1\nSTATUS=3 services: 3 up\nMAINPID=4242\n");

        Assert.Equal(["READY", "STATUS", "MAINPID"], message.Assignments.Select(a => a.Key));
        Assert.True(message.Ready);
        Assert.Equal("3 services: 3 up", message.Status);
        Assert.Equal(4242, message.MainPid);
        Assert.False(message.Stopping);
        Assert.False(message.Watchdog);
    }

    [Fact]
    public void Skips_lines_that_are_not_assignments_as_systemd_does()
    {
        var message = Parse("\nnonsense\n=nokey\nWATCHDOG=1\n\nSTATUS=a=b");

        Assert.Equal(["WATCHDOG", "STATUS"], message.Assignments.Select(a => a.Key));
        Assert.True(message.Watchdog);
        Assert.Equal("a=b", message.Status);
    }

    [Fact]
    public void A_repeated_key_takes_its_last_value() =>
        Assert.Equal("second", Parse("STATUS=first\nSTATUS=second")["STATUS"]);

    [Theory]
    [InlineData("MAINPID=0")]
    [InlineData("MAINPID=-5")]
    [InlineData("MAINPID=12x")]
    [InlineData("MAINPID= 12")]
    [InlineData("READY=1")]
    public void Main_pid_is_a_positive_number_or_nothing(string text) => Assert.Null(Parse(text).MainPid);

    [Fact]
    public void A_datagram_with_a_nul_byte_or_bad_utf8_is_refused_whole()
    {
        Assert.Null(NotifyMessage.Parse("READY=1\0STATUS=x"u8));
        Assert.Null(NotifyMessage.Parse([.. "STATUS="u8, 0xff, 0xfe]));
    }

    [Fact]
    public void Formats_the_text_sd_notify_sends_and_reads_it_back()
    {
        var message = NotifyMessage.Of(("STOPPING", "1"), ("STATUS", "stopping 2 services"));

        Assert.Equal("STOPPING=1\nSTATUS=stopping 2 services", message.Format());
        Assert.Equal(message.Assignments, Parse(message.Format()).Assignments);
    }

    [Theory]
    [InlineData("STATUS", "two\nlines")]
    [InlineData("", "1")]
    [InlineData("A=B", "1")]
    [InlineData("STATUS", "nul\0")]
    public void Refuses_an_assignment_that_would_not_survive_the_trip(string key, string value) =>
        Assert.Throws<ArgumentException>(() => NotifyMessage.Of((key, value)));
}
