using System.Collections.Immutable;

namespace Aurora.Core.Ask;

/// A sentence understood: what to do and to what. Services empty and All false: no service named (past fixes,
/// reload, forecasts). Since is a normalised time phrase HistorySince reads ("1h", "today", "yesterday").
public sealed record Intent(IntentKind Kind)
{
    public ImmutableArray<string> Services { get; init; } = [];

    public bool All { get; init; }

    /// Logs: how many lines (bounded by MaxLines).
    public int? Lines { get; init; }

    public bool ErrorsOnly { get; init; }

    /// A SPEC §6 cause name ("port_conflict").
    public string? Cause { get; init; }

    public string? Since { get; init; }

    public const int DefaultLines = 20;
    public const int MaxLines = 500;

    public string? Service => Services.IsDefaultOrEmpty ? null : Services[0];

    // By value: ImmutableArray's own equality compares references.
    public bool Equals(Intent? other) =>
        other is not null && Kind == other.Kind && Services.SequenceEqual(other.Services) && All == other.All && Lines == other.Lines
        && ErrorsOnly == other.ErrorsOnly && Cause == other.Cause && Since == other.Since;

    public override int GetHashCode() => HashCode.Combine(Kind, Services.Length, All, Lines, ErrorsOnly, Cause, Since);

    /// "restart services=api", "logs services=chat lines=50 errors_only", "status all": the form the phrasing
    /// table pins.
    public override string ToString()
    {
        var parts = new List<string> { Kind.WireName() };
        if (All)
        {
            parts.Add("all");
        }

        if (!Services.IsDefaultOrEmpty)
        {
            parts.Add("services=" + string.Join(',', Services));
        }

        if (Lines is { } n)
        {
            parts.Add($"lines={n}");
        }

        if (ErrorsOnly)
        {
            parts.Add("errors_only");
        }

        if (Cause is not null)
        {
            parts.Add("cause=" + Cause);
        }

        if (Since is not null)
        {
            parts.Add("since=" + Since);
        }

        return string.Join(' ', parts);
    }
}
