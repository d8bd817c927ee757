using System.Text;
using Aurora.Daemon.Http;

namespace Aurora.IntegrationTests.Http;

/// Finding the end of a request head (issue 19 finding 6).
public sealed class HeadScannerTests
{
    [Fact]
    public void A_head_sent_a_byte_at_a_time_is_scanned_in_linear_time_Issue19_6()
    {
        var head = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n" + string.Concat(Enumerable.Range(0, 900).Select(i => $"X-H{i}: {i:D20}\r\n")) + "\r\n");
        var scanner = new HeadScanner();

        var consumed = 0;
        var headLength = 0;
        for (var received = 1; received <= head.Length && consumed == 0; received++)
        {
            consumed = scanner.Scan(head.AsSpan(0, received), out headLength);
        }

        Assert.Equal(head.Length, consumed);
        Assert.Equal(head.Length - 4, headLength);
        // Each byte is looked at once; a rescan from the start per byte would be ~head.Length²/2.
        Assert.InRange(scanner.Examined, head.Length, head.Length);
    }

    [Fact]
    public void An_empty_line_before_the_request_line_is_reported_as_such()
    {
        var scanner = new HeadScanner();

        Assert.Equal(2, scanner.Scan("\r\nGET / HTTP/1.1\r\n\r\n"u8, out var headLength));
        Assert.Equal(0, headLength);
        Assert.Equal(18, scanner.Scan("GET / HTTP/1.1\r\n\r\nGET"u8, out headLength));
        Assert.Equal(14, headLength);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\n")]
    [InlineData("\n")]
    public void A_bare_LF_is_refused_as_soon_as_it_arrives(string text)
    {
        var ex = Assert.Throws<Aurora.Daemon.Http.HttpProtocolException>(() => new HeadScanner().Scan(Encoding.ASCII.GetBytes(text), out _));
        Assert.Equal(400, ex.Status);
    }
}
