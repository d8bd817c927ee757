using System.Globalization;
using System.Text;

namespace Aurora.Core.Processes;

/// Reads /proc. Every reader tolerates the process vanishing mid-read (returns null or skips it).
public static class ProcessTable
{
    public static ProcessInfo? Read(int pid) =>
        TryReadText($"/proc/{pid}/stat") is { } stat ? ProcessInfo.Parse(pid, stat) : null;

    public static bool Exists(int pid) => Directory.Exists($"/proc/{pid}");

    public static IEnumerable<int> AllPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    public static IEnumerable<ProcessInfo> All()
    {
        foreach (var pid in AllPids())
        {
            if (Read(pid) is { } info)
            {
                yield return info;
            }
        }
    }

    /// argv of the process, or null when it is gone or a kernel thread.
    public static IReadOnlyList<string>? CommandLine(int pid) =>
        TryReadBytes($"/proc/{pid}/cmdline") is { Length: > 0 } bytes
            ? Encoding.UTF8.GetString(bytes).TrimEnd('\0').Split('\0')
            : null;

    /// True when the process's initial environment holds exactly AURORA_TAG=tag.
    public static bool HasTag(int pid, string tag)
    {
        if (TryReadBytes($"/proc/{pid}/environ") is not { } environ)
        {
            return false;
        }

        var wanted = Encoding.UTF8.GetBytes(ProcessEnvironment.TagVariable + "=" + tag);
        foreach (var range in environ.AsSpan().Split((byte)0))
        {
            if (environ.AsSpan(range).SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }

    /// The value of AURORA_TAG in the process's initial environment, or null.
    public static string? Tag(int pid) => Variable(pid, ProcessEnvironment.TagVariable);

    /// The value of one variable in the process's initial environment (its /proc/PID/environ), or null.
    public static string? Variable(int pid, string name)
    {
        if (TryReadBytes($"/proc/{pid}/environ") is not { } environ)
        {
            return null;
        }

        var prefix = Encoding.UTF8.GetBytes(name + "=");
        foreach (var range in environ.AsSpan().Split((byte)0))
        {
            var entry = environ.AsSpan(range);
            if (entry.StartsWith(prefix))
            {
                return Encoding.UTF8.GetString(entry[prefix.Length..]);
            }
        }

        return null;
    }

    /// Pids whose environment carries the tag (never our own process). Stop-time only: reads every environ.
    public static List<int> TaggedPids(string tag)
    {
        var self = Environment.ProcessId;
        return AllPids().Where(pid => pid != self && HasTag(pid, tag)).ToList();
    }

    private static string? TryReadText(string path) =>
        TryReadBytes(path) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    private static byte[]? TryReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
