using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Insights;

/// What applying an insight works with: the event log and service states (to verify), the project and its
/// backups folder (the healer's: the same transaction, the same retention), a reload of the config files, and a
/// start for an instance the change should bring back (a quarantined service).
public sealed record InsightApplySetup(EventLog Events, ServiceStateStore States, TimeProvider Time, string ProjectDirectory, string BackupsDirectory,
    Func<CancellationToken, Task<InsightReload>> Reload, Func<string, Task> Start);

/// A reload's result as the applier needs it: the config now in force (null when the files were rejected), the
/// services it restarted and the errors that rejected it.
public sealed record InsightReload(AuroraConfig? Config, IReadOnlyList<string> Restarted, IReadOnlyList<string> Errors);
