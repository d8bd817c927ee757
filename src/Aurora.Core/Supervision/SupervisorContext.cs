using System.Collections.Immutable;
using Aurora.Core.Events;
using Aurora.Core.Health;
using Aurora.Core.Processes;

namespace Aurora.Core.Supervision;

/// What every ServiceSupervisor of one daemon shares.
/// ProjectId makes the process tag (AURORA_TAG=projectId/service) unique to this project.
public sealed record SupervisorContext(
    IProcessLauncher Launcher,
    EventLog Events,
    ServiceStateStore States,
    IHealthChecks Health,
    TimeProvider Time,
    Func<double> Random,
    string ProjectId,
    ImmutableDictionary<string, string> BaseEnvironment,
    Diagnosis.Diagnoser? Diagnoser = null,
    Func<string, string, Doctor.DoctorFinding?>? Explain = null,
    Limits.IServiceLimits? Limits = null);
