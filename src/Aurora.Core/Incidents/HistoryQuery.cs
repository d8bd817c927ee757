namespace Aurora.Core.Incidents;

/// `aurora history [QUERY] [--service S] [--cause C] [--since 2h]`: Text null or blank lists the newest.
public sealed record HistoryQuery(string? Text, string? Service = null, string? Cause = null, DateTimeOffset? Since = null, int Limit = 50)
{
    public const int MaxLimit = 1000;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);
}

/// Matching incidents (best first) and matching events (best first; newest first without text).
public sealed record HistoryResult(IReadOnlyList<IncidentRecord> Incidents, IReadOnlyList<Events.AuroraEvent> Events);
