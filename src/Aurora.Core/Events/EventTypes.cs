namespace Aurora.Core.Events;

public static class EventTypes
{
    public const string DaemonStarted = "daemon.started";
    public const string DaemonStopping = "daemon.stopping";
    public const string StoreUnavailable = "store.unavailable";
    public const string StoreResumed = "store.resumed";
    public const string ConfigReloaded = "config.reloaded";
    public const string ConfigRejected = "config.rejected";
    public const string ServiceStarting = "service.starting";
    public const string ServiceStarted = "service.started";
    public const string ServiceHealthy = "service.healthy";
    public const string ServiceUnhealthy = "service.unhealthy";
    public const string ServiceExited = "service.exited";
    public const string ServiceBackoff = "service.backoff";
    public const string ServiceFailed = "service.failed";
    public const string ServiceDegraded = "service.degraded";
    public const string ServiceStopping = "service.stopping";
    public const string ServiceStopped = "service.stopped";
    public const string ServicePending = "service.pending";
    public const string ServiceUpdated = "service.updated";
    public const string ServiceAdded = "service.added";
    public const string ServiceRemoved = "service.removed";
    public const string ServiceAdopted = "service.adopted";
    public const string ServiceScaled = "service.scaled";
    public const string ServiceScheduled = "service.scheduled";
    public const string WatchChanged = "watch.changed";
    public const string WatchFailed = "watch.failed";
    public const string ServiceReady = "service.ready";
    public const string IncidentOpened = "incident.opened";
    public const string IncidentDiagnosed = "incident.diagnosed";
    public const string IncidentResolved = "incident.resolved";
    public const string IncidentUpdated = "incident.updated";
    public const string FixStarted = "fix.started";
    public const string FixVerified = "fix.verified";
    public const string FixRolledBack = "fix.rolled_back";
    public const string FixSkipped = "fix.skipped";
    public const string InsightApplied = "insight.applied";
    public const string InsightRolledBack = "insight.rolled_back";
    public const string ResourceExceeded = "resource.exceeded";
    public const string Prediction = "prediction";
    public const string PredictionResolved = "prediction.resolved";
    public const string ResourceSample = "resource.sample";
    public const string MaintenanceDone = "maintenance.done";
    public const string LogRotated = "log.rotated";
    public const string NotifyFailed = "notify.failed";
}
