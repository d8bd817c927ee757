using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Killed by the kernel's OOM killer (SIGKILL, or exit 137 from a shell whose child it killed, with the
/// kernel's record of the kill), killed near its memory limit, or an allocation failure in the output:
/// Python MemoryError, V8 heap exhaustion (SIGABRT, 134), .NET OutOfMemoryException, Java OutOfMemoryError.
public sealed partial class OutOfMemoryClassifier(IOomKills kernel) : IFailureClassifier
{
    /// How far back a kernel OOM record may be for a SIGKILL whose pid it does not name (the kernel kills the
    /// largest process, which may be a child of the service's own process).
    public static readonly TimeSpan KernelWindow = TimeSpan.FromSeconds(15);

    [GeneratedRegex(@"MemoryError|out of memory|Cannot allocate memory|ENOMEM|OutOfMemory(Error|Exception)|std::bad_alloc|Reached heap limit|Allocation failed - JavaScript heap|memory allocation of \d+ bytes failed|insufficient memory",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Oom();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Oom());
        var sigkill = failure.Exit is { Signal: 9 } or { ExitCode: 137 };
        if (sigkill && failure.MemoryLimitBytes is { } limit && failure.LastMemoryBytes is { } used && used >= limit * 0.9)
        {
            return new Diagnosis(Causes.OutOfMemory, 0.9, Evidence.With($"killed by SIGKILL using {used} of {limit} bytes", lines),
                $"{failure.Service} was killed at its memory limit");
        }

        if (sigkill && !failure.KilledAsHung && kernel.Find(failure.Pid, KernelWindow) is { } kill)
        {
            var own = kill.Pid == failure.Pid;
            return new Diagnosis(Causes.OutOfMemory, own ? 0.95 : 0.85, Evidence.With($"kernel: {kill.Line}", lines),
                $"{failure.Service} was killed by the kernel's OOM killer ({(own ? "its" : "the")} process {kill.Pid}, {kill.Command})");
        }

        return lines.IsEmpty ? null : new Diagnosis(Causes.OutOfMemory, 0.85, lines, $"{failure.Service} ran out of memory: {Evidence.Last(lines)}");
    }
}
