using System.Text;
using Aurora.Core.Processes;

namespace Aurora.Core.Tests.Logs;

internal static class LogWrites
{
    public static void Write(this IOutputSink sink, string text) => sink.Write(Encoding.UTF8.GetBytes(text));

    public static string Numbered(int i) => $"line {i:D6}";

    /// The text of line i as NumberedLines writes it.
    public static string Expected(int i, string suffix = "") => Numbered(i) + suffix + new string('-', i % 37);

    /// Numbered lines from `from`, as one byte array, each line padded to a varying length.
    public static byte[] NumberedLines(int from, int count, string suffix = "")
    {
        var text = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            text.Append(Expected(i, suffix)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static int NumberOf(string line) => int.Parse(line.AsSpan(5, 6));

    /// Writes `bytes` through the sink in random-sized chunks, so lines split across chunks.
    public static void WriteInRandomChunks(this IOutputSink sink, byte[] bytes, Random random, int maxChunk)
    {
        for (var offset = 0; offset < bytes.Length;)
        {
            var size = Math.Min(random.Next(1, maxChunk + 1), bytes.Length - offset);
            sink.Write(bytes.AsSpan(offset, size));
            offset += size;
        }
    }
}
