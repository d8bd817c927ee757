using System.Text.RegularExpressions;

namespace Aurora.Core.Diagnosis;

/// ENOSPC from any runtime ("No space left on device", Python's Errno 28, Node's ENOSPC, .NET's "not
/// enough space on the disk"), or a full quota.
public sealed partial class DiskFullClassifier : IFailureClassifier
{
    [GeneratedRegex(@"ENOSPC|No space left on device|Errno 28\b|disk full|Disk quota exceeded|EDQUOT|not enough space on the disk|There is not enough space",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Full();

    public Diagnosis? Classify(FailureContext failure)
    {
        var lines = Evidence.Matching(failure.RecentLines, Full());
        return lines.IsEmpty ? null : new Diagnosis(Causes.DiskFull, 0.9, lines, $"{failure.Service} could not write: no space left on the device ({Evidence.Last(lines)})");
    }
}
