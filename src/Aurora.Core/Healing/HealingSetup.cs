using Aurora.Core.Diagnosis;
using Aurora.Core.Events;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// What the engine needs from the daemon.
public sealed record HealingSetup(
    Orchestrator Orchestrator,
    EventLog Events,
    ServiceStateStore States,
    FixCommandRunner Runner,
    IFixRecords Records,
    IPortOwners Ports,
    TimeProvider Time,
    string ProjectDirectory,
    string ProjectId,
    string BackupsDirectory,
    string LogDirectory);
