using System.Collections.Immutable;

namespace Aurora.Core.Healing;

/// What a rollback did: paths put back, paths the fix had created and that were removed, and the paths it
/// would not touch (a symbolic link had appeared above them), each with the reason.
public sealed record RestoreResult(int Restored, int Removed, ImmutableArray<string> Refused);
