namespace Aurora.Core.Doctor.Advisories;

/// One event: Kind is introduced, fixed, last_affected or limit.
public sealed record OsvEvent(string Kind, string Version);
