namespace Aurora.Porting.Import;

/// The last pass over a converted file: a dependency on a service that was not converted is dropped, and a
/// condition its target can never meet (healthy without a health check or readiness, ready without readiness) is
/// eased to what the target can show; each is listed, never silently changed.
public static class Dependencies
{
    public static void Settle(IReadOnlyList<ImportedService> services, ImportContext ctx)
    {
        var byName = services.ToDictionary(s => s.Name);
        foreach (var service in services)
        {
            for (var i = service.DependsOn.Count - 1; i >= 0; i--)
            {
                var (target, condition) = service.DependsOn[i];
                if (!byName.TryGetValue(target, out var dependency))
                {
                    service.DependsOn.RemoveAt(i);
                    ctx.Skip(service.Name, $"depends_on {target} ({condition})", $"{target} is not among the converted services");
                    continue;
                }

                var eased = condition switch
                {
                    "healthy" when dependency.Health is null && dependency.ReadyLog is null => "started",
                    "ready" when dependency.ReadyLog is null => dependency.Health is null ? "started" : "healthy",
                    _ => condition,
                };
                if (eased != condition)
                {
                    service.DependsOn[i] = KeyValuePair.Create(target, eased);
                    ctx.Skip(service.Name, $"depends_on {target}: {condition}",
                        $"{target} has no {(condition == "ready" ? "readiness" : "health check")} here, so it could never be {condition}; waits for {eased} instead");
                }
            }
        }
    }
}
