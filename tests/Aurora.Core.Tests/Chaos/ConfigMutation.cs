using System.Text;

namespace Aurora.Core.Tests.Chaos;

/// One random edit of a config file's bytes: what a bad merge, a stray keystroke, an editor with other
/// indentation settings, a generated file or a hostile one does to a real aurora.yaml.
public sealed record ConfigMutation(int Kind, int Position, int Argument)
{
    public const int Kinds = 9;

    // Bytes that mean something to YAML (or to the reader: NUL, CR, tab, a BOM byte, a lone UTF-8 lead byte).
    private static readonly byte[] Significant = ":-{}[],&*!|>'\"#%@`?\t\r\n\0 \\$\xEF\xBB\xBF\xC3\xFF"u8.ToArray();

    public byte[] Apply(byte[] file)
    {
        var lines = Lines(file);
        return Kind switch
        {
            0 => FlipBit(file),
            1 => Insert(file, [Significant[Argument % Significant.Length]]),
            2 => Join(lines.Count > 0 ? lines.Where((_, i) => i != Position % lines.Count) : lines),
            3 => Join(lines.Count > 0 ? lines.SelectMany((l, i) => i == Position % lines.Count ? [l, l] : new[] { l }) : lines),
            4 => Join(lines.Select((l, i) => i == Position % Math.Max(1, lines.Count) ? Reindent(l) : l)),
            5 => Insert(file, Encoding.ASCII.GetBytes(new string(Argument % 2 == 0 ? '[' : '{', 1 + (Argument % 300)))),
            6 => Insert(file, Encoding.UTF8.GetBytes(new string((char)('a' + (Argument % 26)), 1 + (Argument % 300_000)))),
            7 => Join(lines.Select((l, i) => i == Position % Math.Max(1, lines.Count) ? Nest(l) : l)),
            _ => file[..(file.Length == 0 ? 0 : Position % file.Length)],
        };
    }

    public override string ToString() => $"{Kind}@{Position}/{Argument}";

    private byte[] FlipBit(byte[] file)
    {
        if (file.Length == 0)
        {
            return file;
        }

        var copy = (byte[])file.Clone();
        copy[Position % copy.Length] ^= (byte)(1 << (Argument % 8));
        return copy;
    }

    private byte[] Insert(byte[] file, byte[] what)
    {
        var at = file.Length == 0 ? 0 : Position % (file.Length + 1);
        return [.. file[..at], .. what, .. file[at..]];
    }

    // Indentation changed by -4..+4 spaces, or the leading spaces turned into a tab.
    private byte[] Reindent(byte[] line)
    {
        var spaces = line.TakeWhile(b => b == (byte)' ').Count();
        var delta = (Argument % 9) - 4;
        var rest = line[spaces..];
        return delta == 0 ? [(byte)'\t', .. rest] : [.. Enumerable.Repeat((byte)' ', Math.Max(0, spaces + delta)), .. rest];
    }

    // The line's value wrapped in a few levels of flow lists and mappings.
    private byte[] Nest(byte[] line)
    {
        var depth = 1 + (Argument % 80);
        var open = string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "[" : "{k: "));
        var close = string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? "]" : "}"));
        var colon = Array.IndexOf(line, (byte)':');
        return colon < 0 ? line : [.. line[..(colon + 1)], .. Encoding.ASCII.GetBytes(" " + open), .. line[(colon + 1)..], .. Encoding.ASCII.GetBytes(close)];
    }

    private static List<byte[]> Lines(byte[] file)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < file.Length; i++)
        {
            if (file[i] == (byte)'\n')
            {
                lines.Add(file[start..i]);
                start = i + 1;
            }
        }

        lines.Add(file[start..]);
        return lines;
    }

    private static byte[] Join(IEnumerable<byte[]> lines)
    {
        var joined = new List<byte>();
        foreach (var line in lines)
        {
            if (joined.Count > 0)
            {
                joined.Add((byte)'\n');
            }

            joined.AddRange(line);
        }

        return [.. joined];
    }
}
