using System.Globalization;

namespace Aurora.Cli.Output;

/// One line of the bring-up view.
internal sealed record ProgressRow(string Name, string State, string? Reason, int? Pid, string? Cause);

/// Live per-service progress while a stack comes up or a reload applies, redrawn in place on a
/// terminal: "api  waiting for db: healthy", "db  healthy in 1.2 s". Only used on a terminal; elsewhere
/// the plain line-per-event log says the same.
internal sealed class ProgressView
{
    private static readonly HashSet<string> Settled = ["healthy", "running", "exited", "failed", "stopped"];

    private readonly Dictionary<string, long> _firstSeen = [];
    private readonly Dictionary<string, string> _doneText = [];
    private readonly TimeProvider _time = TimeProvider.System;
    private int _drawn;

    public static bool Enabled => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";

    /// Redraws the block; true once every service has settled.
    public bool Draw(IReadOnlyList<ProgressRow> rows)
    {
        var now = _time.GetTimestamp();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Name.Length);
        var lines = rows.Select(r => $"  {r.Name.PadRight(width)}  {Describe(r, now)}").ToList();
        if (_drawn > 0)
        {
            Console.Out.Write($"\u001b[{_drawn}A");
        }

        foreach (var line in lines)
        {
            Console.Out.Write("\u001b[2K" + line + "\n");
        }

        _drawn = lines.Count;
        Console.Out.Flush();
        return rows.All(r => Settled.Contains(r.State));
    }

    private string Describe(ProgressRow r, long now)
    {
        if (!_firstSeen.ContainsKey(r.Name))
        {
            _firstSeen[r.Name] = now;
        }

        if (_doneText.TryGetValue(r.Name, out var done) && Settled.Contains(r.State))
        {
            return done;
        }

        var elapsed = _time.GetElapsedTime(_firstSeen[r.Name], now).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var text = r.State switch
        {
            "pending" or "degraded" when r.Reason is not null => Terminal.Paint(r.Reason, "33"),
            "starting" => Terminal.Paint($"starting… {elapsed} s", "33"),
            "healthy" => Terminal.Paint($"healthy in {elapsed} s", "32") + Pid(r),
            "running" => Terminal.Paint($"running in {elapsed} s", "32") + Pid(r),
            "backoff" => Terminal.Paint($"restarting after a crash{Cause(r)}", "33"),
            "exited" => Terminal.Paint("completed", "32"),
            "failed" => Terminal.Paint($"failed{Cause(r)}", "31"),
            _ => Terminal.Paint(r.State, Terminal.StateColour(r.State)),
        };
        if (Settled.Contains(r.State))
        {
            _doneText[r.Name] = text;
        }

        return text;
    }

    private static string Pid(ProgressRow r) => r.Pid is { } p ? $" (pid {p})" : "";

    private static string Cause(ProgressRow r) => r.Cause is { } c ? $" ({c})" : "";
}
