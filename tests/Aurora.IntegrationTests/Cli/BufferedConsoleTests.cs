using Aurora.Cli.Output;

namespace Aurora.IntegrationTests.Cli;

/// `aurora status` writes its table through a BufferedConsole: one write to standard output for the whole table
/// instead of one per line, the same bytes, and Console.Out given back afterwards.
[Collection(ConsoleCollection.Name)]
public class BufferedConsoleTests
{
    [Fact]
    public void A_thousand_lines_reach_the_stream_in_one_write_when_the_scope_ends()
    {
        var stream = new CountingStream();
        var before = Console.Out;
        using (new BufferedConsole(stream))
        {
            for (var i = 1; i <= 1000; i++)
            {
                Console.Out.WriteLine($"svc-{i}  running  é");
            }

            Assert.Equal(0, stream.Writes);
        }

        Assert.Equal(1, stream.Writes);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(1000, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("svc-1  running  é" + Environment.NewLine, text);
        Assert.Same(before, Console.Out);
        Assert.True(stream.CanWrite);
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        // MemoryStream's span overload goes through the array one in a subclass: one count, not two.
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer.ToArray(), 0, buffer.Length);
        }
    }
}
