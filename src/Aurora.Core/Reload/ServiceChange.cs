using System.Collections.Immutable;

namespace Aurora.Core.Reload;

/// One changed service and the config keys that differ ("command", "env", "health", …).
public sealed record ServiceChange(string Service, ImmutableArray<string> Fields);
