namespace Aurora.Daemon.Resources;

/// One /proc file the tree reader reads: a process's stat line, a thread's children, or a process's task directory.
internal readonly record struct ProcFile(ProcFileKind Kind, int Pid, int Tid = 0)
{
    /// Writes the NUL-terminated path into `path` (64 bytes are enough) and returns it.
    public ReadOnlySpan<byte> Path(Span<byte> path)
    {
        var at = Append(path, 0, "/proc/"u8);
        at = AppendNumber(path, at, Pid);
        switch (Kind)
        {
            case ProcFileKind.Stat:
                at = Append(path, at, "/stat"u8);
                break;
            case ProcFileKind.Tasks:
                at = Append(path, at, "/task"u8);
                break;
            default:
                at = Append(path, at, "/task/"u8);
                at = AppendNumber(path, at, Tid);
                at = Append(path, at, "/children"u8);
                break;
        }

        path[at] = 0;
        return path[..(at + 1)];
    }

    private static int Append(Span<byte> path, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(path[at..]);
        return at + text.Length;
    }

    private static int AppendNumber(Span<byte> path, int at, int value)
    {
        value.TryFormat(path[at..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        return at + written;
    }
}
