using System.Collections.Immutable;

namespace Aurora.Core.Config.Reading;

internal static class PortsReader
{
    public static ImmutableArray<SourcedPort> Read(YamlMap service)
    {
        var ports = ImmutableArray.CreateBuilder<SourcedPort>();
        foreach (var (node, path) in service.List("ports") ?? [])
        {
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

        return ports.ToImmutable();
    }
}
