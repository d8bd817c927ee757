using System.Globalization;

namespace Aurora.Core.Processes;

/// The fields of /proc/PID/stat the supervisor needs.
public sealed record ProcessInfo(int Pid, char State, int ParentPid, int ProcessGroupId, int SessionId, long StartTicks)
{
    public bool IsZombie => State is 'Z' or 'X';

    /// Parses the text of /proc/PID/stat. The command name (field 2) may hold spaces and ')' so we
    /// split after the last ')'.
    public static ProcessInfo? Parse(int pid, string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        // fields[0] is field 3 (state), so field N is fields[N - 3].
        var fields = stat[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20)
        {
            return null;
        }

        return new ProcessInfo(
            pid,
            fields[0][0],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            int.Parse(fields[3], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }
}
