using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// `depends_on: [db, cache]` (condition started) or `depends_on: { db: healthy }`; conditions started, healthy,
/// ready, completed (exited with a success code) and exited (with any code).
internal static class DependsOnReader
{
    private static readonly (string, DependencyCondition)[] Conditions =
    [
        ("started", DependencyCondition.Started),
        ("healthy", DependencyCondition.Healthy),
        ("completed", DependencyCondition.Completed),
        ("ready", DependencyCondition.Ready),
        ("exited", DependencyCondition.Exited),
    ];

    public static ImmutableArray<SourcedDependency> Read(YamlMap service)
    {
        var result = ImmutableArray.CreateBuilder<SourcedDependency>();
        var node = service.Get("depends_on");
        var path = service.PathOf("depends_on");
        if (node is YamlMappingNode)
        {
            foreach (var (key, value) in YamlMap.Open(node, path, service.Bag, null)!.Entries)
            {
                var entryPath = KeyPath.Child(path, key.Value!);
                var condition = YamlNodes.IsNull(value)
                    ? DependencyCondition.Started
                    : ScalarReader.Choice(value, entryPath, service.Bag, Conditions) ?? DependencyCondition.Started;
                result.Add(new SourcedDependency(new Dependency(key.Value!, condition), key.Start, entryPath));
            }

            return result.ToImmutable();
        }

        foreach (var (item, itemPath) in service.List("depends_on") ?? [])
        {
            if (ScalarReader.Text(item, itemPath, service.Bag, "a service name") is not { } name)
            {
                continue;
            }

            if (result.Any(d => d.Dependency.Service == name))
            {
                service.Bag.Error(item.Start, itemPath, $"{YamlNodes.Quote(name)} is listed twice; list each dependency once");
                continue;
            }

            result.Add(new SourcedDependency(new Dependency(name, DependencyCondition.Started), item.Start, itemPath));
        }

        return result.ToImmutable();
    }
}
