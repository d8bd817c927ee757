using System.Collections.Immutable;

namespace Aurora.Core.Diagnosis;

/// A classifier's verdict: the cause (SPEC §6 name), how sure it is (0..1), the lines that show it, and
/// one sentence for people.
public sealed record Diagnosis(string Cause, double Confidence, ImmutableArray<string> Evidence, string Summary)
{
    /// dependency_unavailable: the HOST:PORT the service could not reach ("127.0.0.1:6379"), to probe
    /// before it is restarted. Null when the output named none.
    public string? WaitFor { get; init; }

    /// permission_denied: the files the evidence names as denied ("./bin/migrate", "data/app.db"), as the
    /// program wrote them (relative to the service's working directory when not absolute).
    public ImmutableArray<string> Paths { get; init; } = [];
}
