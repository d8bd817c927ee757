namespace Aurora.Porting.Import;

/// Something of the source that the aurora.yaml does not carry, and why. Service is null for the file as a whole.
public sealed record NotCarried(string? Service, string Item, string Reason);
