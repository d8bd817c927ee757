using System.Collections.Immutable;
using YamlDotNet.Core;

namespace Aurora.Core.Config.Reading;

/// A read service plus where its cross-service facts were written, for ConfigValidator.
internal sealed record ParsedService(ServiceConfig Config, Mark NameAt, bool HealthDeclared, ImmutableArray<SourcedDependency> Dependencies, ImmutableArray<SourcedPort> Ports)
{
    public ImmutableArray<SourcedPort> PortTemplates { get; init; } = [];
}

internal sealed record SourcedDependency(Dependency Dependency, Mark At, string Path);

/// A declared port; Template is set for a `{replica}` port ("80{replica}"), whose number each instance expands.
internal sealed record SourcedPort(int Port, Mark At, string Path, string? Template = null);
