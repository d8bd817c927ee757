using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// Killed by SIGKILL near its memory limit (the kernel's OOM killer or Aurora's own limit), or an
/// allocation failure in the output.
public sealed partial class OutOfMemoryClassifier : IFailureClassifier
{
    [GeneratedRegex(@"MemoryError|out of memory|Cannot allocate memory|ENOMEM|heap out of memory|OutOfMemoryError|std::bad_alloc", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Oom();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Oom());
        if (failure.Exit?.Signal == 9 && failure.MemoryLimitBytes is { } limit && failure.LastMemoryBytes is { } used && used >= limit * 0.9)
        {
            return new Diagnosis(Causes.OutOfMemory, 0.9, Evidence.With($"killed by SIGKILL using {used} of {limit} bytes", lines),
                $"{failure.Service} was killed at its memory limit");
        }

        return lines.IsEmpty ? null : new Diagnosis(Causes.OutOfMemory, 0.85, lines, $"{failure.Service} ran out of memory");
    }
}
