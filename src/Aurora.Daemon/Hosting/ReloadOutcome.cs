using System.Collections.Immutable;
using Aurora.Core.Reload;

namespace Aurora.Daemon.Hosting;

/// The result of a reload: the plan (null when the config was rejected) and every error found.
public sealed record ReloadOutcome(ReloadPlan? Plan, ImmutableArray<string> Errors, bool Applied);
