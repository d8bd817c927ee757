namespace Aurora.Core.Healing;

/// A path a fix or a cleanup may not act on: outside the project (through a link or not), the project
/// itself, Aurora's own state, or under a symbolic link that appeared since the snapshot.
public sealed class UnsafePathException(string message) : InvalidOperationException(message);
