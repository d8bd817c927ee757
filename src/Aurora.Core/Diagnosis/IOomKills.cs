namespace Aurora.Core.Diagnosis;

/// The kernel's record of its OOM killer's victims.
public interface IOomKills
{
    /// The newest OOM kill within the last `within` (the one of `pid` when there is one), or null.
    OomKill? Find(int? pid, TimeSpan within);
}
