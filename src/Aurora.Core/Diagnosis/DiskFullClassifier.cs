using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// ENOSPC: the disk (or a quota) is full.
public sealed partial class DiskFullClassifier : IFailureClassifier
{
    [GeneratedRegex(@"ENOSPC|No space left on device|Errno 28|disk full|Disk quota exceeded|EDQUOT", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Full();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Full());
        return lines.IsEmpty ? null : new Diagnosis(Causes.DiskFull, 0.9, lines, $"{failure.Service} could not write: no space left on the device");
    }
}
