using Aurora.Core.Diagnosis;

namespace Aurora.Core.Doctor.Ports;

/// A port in use. Owner is null when something listens but /proc does not show who (another user's process).
public sealed record PortHolder(int Port, PortOwner? Owner);
