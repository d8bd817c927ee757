using System.Text;

namespace Aurora.Core.Logs;

internal static class LineText
{
    /// One line without its '\n': a trailing '\r' is dropped and invalid UTF-8 becomes U+FFFD,
    /// because a child's output is bytes, not necessarily text.
    public static string Decode(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return line.IsEmpty ? string.Empty : Encoding.UTF8.GetString(line);
    }
}
