using System.Collections.Immutable;
using System.Globalization;

namespace Aurora.Core.Config;

/// `replicas: N` (SPEC §3): a declared service runs as instances NAME-1..NAME-N, each with AURORA_REPLICA=i and
/// `{replica}` replaced by i in its command, env, ports and health check. Without `replicas:` a service is one
/// instance under its own name. `depends_on: NAME` waits for every instance. Used by the loader and by `aurora scale`.
public static class Replicas
{
    public const string Placeholder = "{replica}";
    public const string EnvironmentVariable = "AURORA_REPLICA";

    /// The most instances one service may have.
    public const int Max = 64;

    /// Every service's instances, in declaration order, with dependencies on replicated services expanded.
    /// counts overrides the declared replica counts (`aurora scale`).
    public static ImmutableArray<ServiceConfig> Expand(IReadOnlyList<ServiceConfig> declared, IReadOnlyDictionary<string, int>? counts = null)
    {
        int? CountOf(ServiceConfig s) => counts is not null && counts.TryGetValue(s.Name, out var n) ? n : s.Replicas;
        var names = declared.ToDictionary(s => s.Name, s => CountOf(s) is { } n
            ? Enumerable.Range(1, n).Select(i => InstanceName(s.Name, i)).ToImmutableArray()
            : [s.Name]);
        var result = ImmutableArray.CreateBuilder<ServiceConfig>();
        foreach (var s in declared)
        {
            var dependsOn = s.DependsOn
                .SelectMany(d => names.TryGetValue(d.Service, out var instances) ? instances.Select(i => d with { Service = i }) : [d])
                .ToImmutableArray();
            var expanded = s with { DependsOn = dependsOn };
            if (CountOf(s) is not { } count)
            {
                result.Add(Substitute(expanded, 1));
                continue;
            }

            for (var i = 1; i <= count; i++)
            {
                result.Add(Substitute(expanded, i) with
                {
                    Name = InstanceName(s.Name, i),
                    ReplicaOf = s.Name,
                    ReplicaIndex = i,
                    Replicas = count,
                    Environment = Substitute(expanded, i).Environment.SetItem(EnvironmentVariable, i.ToString(CultureInfo.InvariantCulture)),
                });
            }
        }

        return result.ToImmutable();
    }

    public static string InstanceName(string declared, int index) => $"{declared}-{index}";

    /// Two instances that would bind the same port (a `{replica}` port expanded too far), said for people; null when none.
    public static string? PortCollision(IEnumerable<ServiceConfig> instances)
    {
        var owners = new Dictionary<int, string>();
        foreach (var s in instances)
        {
            foreach (var port in s.Ports)
            {
                if (!owners.TryAdd(port, s.Name))
                {
                    return $"{s.Name} would bind port {port}, which {owners[port]} also uses; each instance needs a port of its own";
                }
            }
        }

        return null;
    }

    /// A port template expanded for instance i; null when it does not make a port number.
    public static int? Port(string template, int index) =>
        int.TryParse(template.Replace(Placeholder, index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    private static ServiceConfig Substitute(ServiceConfig s, int index)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        string Sub(string text) => text.Replace(Placeholder, i, StringComparison.Ordinal);
        return s with
        {
            Command = [.. s.Command.Select(Sub)],
            Environment = s.Environment.ToImmutableSortedDictionary(kv => kv.Key, kv => Sub(kv.Value)),
            Ports = [.. s.Ports, .. s.PortTemplates.Select(t => Port(t, index)).OfType<int>()],
            Health = s.Health is { } h ? h with { Target = Sub(h.Target), ExecArgv = [.. h.ExecArgv.Select(Sub)] } : null,
        };
    }
}
