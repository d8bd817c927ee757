using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Reload;

namespace Aurora.Daemon.Hosting;

/// `aurora scale NAME N` (SPEC §4): the config in force with NAME's replica count changed, applied as a reload
/// would (instances added start, removed ones stop highest first, dependents wait for the new set). It lasts
/// until the next reload, which reads the file's count again.
public sealed partial class Reloader
{
    private readonly Dictionary<string, int> _scaled = [];

    public async Task<ScaleOutcome> ScaleAsync(string service, int replicas, string source, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = runtime.Config;
            if (current.Declared.FirstOrDefault(s => s.Name == service) is not { } declared)
            {
                var owner = current.Find(service)?.ReplicaOf;
                return ScaleOutcome.Refused(owner is null
                    ? $"no service named '{service}'; services: {string.Join(", ", current.Declared.Select(s => s.Name))}"
                    : $"{service} is a replica of {owner}; scale {owner}");
            }

            if (replicas is < 1 or > Replicas.Max)
            {
                return ScaleOutcome.Refused($"replicas must be from 1 to {Replicas.Max}");
            }

            var counts = new Dictionary<string, int>(_scaled) { [service] = replicas };
            var instances = Replicas.Expand(current.Declared, counts);
            if (Replicas.PortCollision(instances) is { } collision)
            {
                return ScaleOutcome.Refused(collision);
            }

            var before = current.InstancesOf(service).Count();
            var next = current with { Services = instances };
            var plan = ReloadPlanner.Plan(current, next);
            await runtime.Orchestrator.ApplyAsync(next, plan);
            _scaled[service] = replicas;
            runtime.Events.Publish(EventTypes.ServiceScaled, service, new EventData().Add("from", before).Add("to", replicas)
                .Add("added", plan.Added).Add("removed", plan.Removed).Add("source", source).Build());
            return new ScaleOutcome(plan, null);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// What a scale did (the plan), or why it did nothing.
public sealed record ScaleOutcome(ReloadPlan? Plan, string? Error)
{
    public static ScaleOutcome Refused(string why) => new(null, why);
}
