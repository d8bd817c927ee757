namespace Aurora.Core.Tests.Supervision.Machine;

/// One row of the table in docs/state-machine.md: from, input, when (comma-separated conditions), to, events.
public sealed record TransitionRow(int Line, string From, string Input, string[] When, string To, string[] Events)
{
    public override string ToString() => $"line {Line}: {From} | {Input} | {string.Join(", ", When)}";

    public static IReadOnlyList<TransitionRow> ReadTable()
    {
        var rows = new List<TransitionRow>();
        var lines = File.ReadAllLines(DocPath());
        var inTable = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("| from | input | when | to | events |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.StartsWith('|'))
            {
                break;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            rows.Add(new TransitionRow(i + 1, cells[0], cells[1], List(cells[2]), cells[3], cells[4] == "—" ? [] : List(cells[4])));
        }

        return rows;
    }

    private static string[] List(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string DocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "state-machine.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/state-machine.md not found above " + AppContext.BaseDirectory);
    }
}
