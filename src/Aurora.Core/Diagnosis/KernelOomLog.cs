using System.Globalization;
using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Finds OOM kills in the kernel log (/dev/kmsg: "Out of memory: Killed process 4242 (python3) …", or
/// "Memory cgroup out of memory: Killed process …" for a cgroup limit). Records carry the monotonic time in
/// microseconds, compared with the TimeProvider's timestamp (CLOCK_MONOTONIC on Linux). Read only when a
/// process died of SIGKILL, never on a schedule.
public sealed partial class KernelOomLog(TimeProvider time, Func<IEnumerable<string>>? records = null) : IOomKills
{
    private readonly Func<IEnumerable<string>> _records = records ?? (() => KernelLog.ReadAll("/dev/kmsg"));

    public OomKill? Find(int? pid, TimeSpan within)
    {
        var nowMicros = time.GetTimestamp() * 1_000_000.0 / time.TimestampFrequency;
        return Find(_records(), (long)nowMicros, pid, within);
    }

    /// records: /dev/kmsg records ("6,1234,1021333656,-;message").
    public static OomKill? Find(IEnumerable<string> records, long nowMicros, int? pid, TimeSpan within)
    {
        OomKill? newest = null;
        foreach (var record in records)
        {
            var semicolon = record.IndexOf(';', StringComparison.Ordinal);
            var fields = semicolon > 0 ? record[..semicolon].Split(',') : [];
            if (fields.Length < 3 || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
                || nowMicros - at > within.TotalMicroseconds || Killed().Match(record, semicolon + 1) is not { Success: true } m)
            {
                continue;
            }

            var kill = new OomKill(int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture), m.Groups["comm"].Value, record[(semicolon + 1)..].Trim());
            if (kill.Pid == pid)
            {
                return kill;
            }

            newest = kill;
        }

        return newest;
    }

    [GeneratedRegex(@"[Oo]ut of memory: Killed process (?<pid>\d+) \((?<comm>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Killed();
}
