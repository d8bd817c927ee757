using System.Collections.Immutable;
using YamlDotNet.Core;

namespace Aurora.Core.Config.Reading;

/// A read service plus where its cross-service facts were written, for ConfigValidator.
internal sealed record ParsedService(ServiceConfig Config, Mark NameAt, bool HealthDeclared, ImmutableArray<SourcedDependency> Dependencies, ImmutableArray<SourcedPort> Ports);

internal sealed record SourcedDependency(Dependency Dependency, Mark At, string Path);

internal sealed record SourcedPort(int Port, Mark At, string Path);
