using System.Text;

namespace Aurora.Cli.Output;

/// A table laid out as Spectre.Console lays out `new Table().Border(TableBorder.Simple)` with no-wrap columns that
/// fit the width: a blank line, the header, a rule of '─', the rows, a blank line; each cell padded by one space
/// on either side and the columns separated by one more. Written straight into one StringBuilder: Spectre's
/// measuring and segment rendering was most of `aurora status` at 1,000 services (~60 ms of CPU, `--json` took
/// 12 ms). Only for what it can lay out exactly as Spectre would (printable ASCII, narrower than the width);
/// anything else is left to Spectre (TryWrite answers false and writes nothing).
internal static class TextTable
{
    /// One row: its cells (plain text) and, for a painted cell, its ANSI colour (index, code).
    public sealed record Row(string[] Cells, int PaintedCell = -1, string? Paint = null);

    public static bool TryWrite(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<Row> rows, int width, bool colour)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        if (!Fits(headers))
        {
            return false;
        }

        foreach (var row in rows)
        {
            if (!Fits(row.Cells))
            {
                return false;
            }

            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row.Cells[i].Length);
            }
        }

        var total = widths.Sum() + 3 * widths.Length + 1;
        if (total >= width)
        {
            return false;
        }

        var text = new StringBuilder((rows.Count + 4) * (total + 12));
        text.Append(' ', total).Append('\n');
        Line(text, headers, widths, -1, null);
        text.Append('─', total).Append('\n');
        foreach (var row in rows)
        {
            Line(text, row.Cells, widths, colour ? row.PaintedCell : -1, row.Paint);
        }

        text.Append(' ', total).Append('\n');
        output.Write(text);
        return true;
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths, int painted, string? paint)
    {
        text.Append(' ');
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = cells[i];
            text.Append(' ');
            if (i == painted && paint is not null)
            {
                text.Append("\u001b[").Append(paint).Append('m').Append(cell).Append("\u001b[0m");
            }
            else
            {
                text.Append(cell);
            }

            text.Append(' ', widths[i] - cell.Length + 2);
        }

        text.Append('\n');
    }

    /// Printable ASCII only: one character, one column, and nothing Spectre would treat differently.
    private static bool Fits(IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            foreach (var c in cell)
            {
                if (c is < ' ' or > '~')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
