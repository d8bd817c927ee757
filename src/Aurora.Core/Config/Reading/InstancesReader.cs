using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Aurora.Core.Config.Reading;

/// `replicas:`, `success_exit_codes:` and `profiles:` of one service (SPEC §3).
internal static partial class InstancesReader
{
    public const int MaxReplicas = Config.Replicas.Max;

    public static int? Replicas(YamlMap service) =>
        service.Has("replicas") ? service.Int("replicas", 1, 1, MaxReplicas) : null;

    public static ImmutableArray<int> SuccessExitCodes(YamlMap service)
    {
        if (service.List("success_exit_codes") is not { } items)
        {
            return [0];
        }

        var codes = ImmutableArray.CreateBuilder<int>();
        foreach (var (node, path) in items)
        {
            if (ScalarReader.Integer(node, path, service.Bag, 0, 255) is { } code && !codes.Contains((int)code))
            {
                codes.Add((int)code);
            }
        }

        if (codes.Count == 0)
        {
            service.Bag.Error(service.Get("success_exit_codes")!.Start, service.PathOf("success_exit_codes"),
                "is empty; list the exit codes that mean success, e.g. [0, 3]");
            return [0];
        }

        return codes.ToImmutable();
    }

    public static ImmutableArray<string> Profiles(YamlMap service)
    {
        var profiles = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, path) in service.List("profiles") ?? [])
        {
            if (ScalarReader.Text(node, path, service.Bag, "a profile name") is not { } name)
            {
                continue;
            }

            if (!ProfileName().IsMatch(name))
            {
                service.Bag.Error(node.Start, path, $"{YamlNodes.Quote(name)} is not a profile name; use letters, digits, - and _");
            }
            else if (!profiles.Contains(name))
            {
                profiles.Add(name);
            }
        }

        return profiles.ToImmutable();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex ProfileName();
}
