using Aurora.Core.Incidents;

namespace Aurora.Core.Tests.Incidents;

internal sealed class FakeServiceFacts : IServiceFacts
{
    public Dictionary<string, List<string>> Lines { get; } = [];

    public Dictionary<string, TimeSpan?> Stable { get; } = [];

    public IReadOnlyList<string> RecentLines(string service) => Lines.GetValueOrDefault(service) ?? [];

    public IEnumerable<string> SecretValues(string service) => ["hunter2-secret"];

    public string? LastCause(string service) => null;

    public TimeSpan? StableAfter(string service) => Stable.GetValueOrDefault(service, TimeSpan.FromSeconds(60));
}
