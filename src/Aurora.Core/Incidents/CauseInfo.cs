using System.Collections.Immutable;

namespace Aurora.Core.Incidents;

/// One cause with the phrases that show it in a service's output.
public sealed record CauseInfo(string Name, ImmutableArray<string> Evidence)
{
    public string PlainName => CauseWords.PlainName(Name);
}
