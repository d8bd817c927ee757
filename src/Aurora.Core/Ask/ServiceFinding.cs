using System.Collections.Immutable;

namespace Aurora.Core.Ask;

/// The services a sentence names, in order, and the words that could be more than one.
internal sealed record ServiceFinding(ImmutableArray<string> Services, ImmutableArray<(string Token, IReadOnlyList<string> Candidates)> Ambiguous);
