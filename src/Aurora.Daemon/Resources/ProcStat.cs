namespace Aurora.Daemon.Resources;

/// Parses /proc/PID/stat lines from the bytes in place.
internal static class ProcStat
{
    /// Parses "pid (comm) state ppid ...": utime, stime, cutime, cstime (fields 14-17), num_threads (20) and
    /// rss in pages (24). The comm may hold spaces and ')', so the fields start after the last ')'.
    public static bool TryParse(ReadOnlySpan<byte> line, out StatFields stat)
    {
        stat = default;
        var close = line.LastIndexOf((byte)')');
        if (close < 0 || close + 2 >= line.Length)
        {
            return false;
        }

        long ticks = 0, threads = 0, value = 0;
        var negative = false;
        var field = 3;
        foreach (var b in line[(close + 2)..])
        {
            if (b is (byte)' ' or (byte)'\n')
            {
                var v = negative ? -value : value;
                switch (field)
                {
                    case >= 14 and <= 17:
                        ticks += v;
                        break;
                    case 20:
                        threads = v;
                        break;
                    case 24:
                        stat = new StatFields(ticks, v, threads);
                        return true;
                }

                (field, value, negative) = (field + 1, 0, false);
            }
            else if (b == '-')
            {
                negative = true;
            }
            else if (b is >= (byte)'0' and <= (byte)'9')
            {
                value = (value * 10) + (b - '0');
            }
        }

        return false;
    }

    /// A NUL- or end-terminated decimal name ("1234"); 0 when it is not one (".", "..").
    public static int ParseInt(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            if (b == 0)
            {
                break;
            }

            if (b is < (byte)'0' or > (byte)'9')
            {
                return 0;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }
}
