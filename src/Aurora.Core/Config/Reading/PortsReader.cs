using System.Collections.Immutable;

namespace Aurora.Core.Config.Reading;

/// `ports: [5001, "80{replica}"]`: numbers, or (for replicas) strings with `{replica}` that each instance expands.
internal static class PortsReader
{
    public static (ImmutableArray<SourcedPort> Ports, ImmutableArray<SourcedPort> Templates) Read(YamlMap service)
    {
        var ports = ImmutableArray.CreateBuilder<SourcedPort>();
        var templates = ImmutableArray.CreateBuilder<SourcedPort>();
        foreach (var (node, path) in service.List("ports") ?? [])
        {
            if (node is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } text } && text.Contains(Replicas.Placeholder, StringComparison.Ordinal))
            {
                templates.Add(new SourcedPort(0, node.Start, path, text));
                continue;
            }

            if (ScalarReader.Integer(node, path, service.Bag, 1, 65535) is not { } port)
            {
                continue;
            }

            if (ports.Any(p => p.Port == port))
            {
                service.Bag.Error(node.Start, path, $"port {port} is listed twice; list each port once");
                continue;
            }

            ports.Add(new SourcedPort((int)port, node.Start, path));
        }

        return (ports.ToImmutable(), templates.ToImmutable());
    }
}
