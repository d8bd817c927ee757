using System.Text.Json;

namespace Aurora.Core.Events;

/// One immutable record of something that happened (SPEC §5). Seq is strictly increasing and never reused.
public sealed record AuroraEvent(long Seq, DateTimeOffset Time, string Type, string? Service, JsonElement Data);
