using System.Collections.Immutable;

namespace Aurora.Core.Insights;

/// How `aurora insights apply ID` ended: applied (committed) or rolled back (the file restored byte for byte
/// and reloaded), the file and the diff that was applied, why, and the backup folder's id under .aurora/backups.
public sealed record InsightOutcome(string Id, string Service, bool Applied, string File, ImmutableArray<string> Diff, string Detail, string Backup);
