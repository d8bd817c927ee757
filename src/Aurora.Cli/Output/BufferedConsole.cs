using System.Text;

namespace Aurora.Cli.Output;

/// Standard output buffered until disposed, for a command that prints a large table: Console.Out flushes at each
/// write, and Spectre writes a table row in two, so `aurora status` at 1,000 services made 2,002 write calls
/// (`strace -c`); inside this scope they are one (or one per MiB). Console.Out is this writer meanwhile, so a
/// table console made from Console.Out still sees standard output (terminal detection is by handle).
internal sealed class BufferedConsole : IDisposable
{
    private readonly TextWriter _previous;
    private readonly StreamWriter _writer;

    public BufferedConsole(Stream stdout, int bufferSize = 1 << 20)
    {
        _previous = Console.Out;
        _writer = new StreamWriter(stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize, leaveOpen: true)
        {
            AutoFlush = false,
        };
        Console.SetOut(_writer);
    }

    public static BufferedConsole Stdout() => new(Console.OpenStandardOutput());

    public void Dispose()
    {
        Console.SetOut(_previous);
        _writer.Dispose();
    }
}
