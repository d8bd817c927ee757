using YamlDotNet.RepresentationModel;

namespace Aurora.Porting.Import.Compose;

/// `deploy.replicas` → replicas; `deploy.resources.limits` (and the older `mem_limit`, `cpus`) → limits (memory; cpus
/// as a percentage of one core); `deploy.restart_policy` → the restart policy, backoff and limit.
internal static class ComposeDeploy
{
    public static void Read(ImportedService s, YamlNode node, ImportContext ctx)
    {
        var deploy = YamlTree.Get(node, "deploy");
        if (YamlTree.Int(deploy, "replicas") is { } replicas)
        {
            if (replicas is >= 1 and <= 64)
            {
                s.Replicas = replicas == 1 ? null : replicas;
            }
            else
            {
                ctx.Skip(s.Name, $"deploy.replicas {replicas}", "Aurora runs 1 to 64 instances of a service");
            }
        }

        var limits = YamlTree.Get(YamlTree.Get(deploy, "resources"), "limits");
        var memory = YamlTree.Text(limits, "memory") ?? YamlTree.Text(node, "mem_limit");
        if (memory is not null)
        {
            s.MemoryLimit = ComposeValues.Bytes(memory) is { } bytes and >= 8L << 20 ? bytes : null;
            if (s.MemoryLimit is null)
            {
                ctx.Skip(s.Name, $"memory limit {memory}", "not a size, or below 8MiB, less than a runtime needs to start");
            }
        }

        var cpus = YamlTree.Number(limits, "cpus") ?? YamlTree.Number(node, "cpus");
        if (cpus is > 0)
        {
            s.CpuPercent = Math.Round(cpus.Value * 100, 1);
        }

        if (YamlTree.Get(deploy, "restart_policy") is YamlMappingNode policy)
        {
            RestartPolicy(s, policy);
        }
    }

    private static void RestartPolicy(ImportedService s, YamlMappingNode policy)
    {
        var condition = YamlTree.Text(policy, "condition") switch
        {
            "none" => "never",
            "on-failure" => "on-failure",
            "any" => "always",
            _ => s.Restart.Policy,
        };
        var delay = ComposeValues.Duration(YamlTree.Text(policy, "delay"));
        s.Restart = s.Restart with
        {
            Policy = condition,
            BackoffInitial = delay ?? s.Restart.BackoffInitial,
            BackoffMax = delay ?? s.Restart.BackoffMax,
            BackoffMultiplier = delay is null ? s.Restart.BackoffMultiplier : 1,
            LimitCount = YamlTree.Int(policy, "max_attempts") is > 0 and var attempts ? attempts : s.Restart.LimitCount,
            LimitWithin = ComposeValues.Duration(YamlTree.Text(policy, "window")) is { TotalMilliseconds: > 0 } window ? window : s.Restart.LimitWithin,
        };
    }
}
