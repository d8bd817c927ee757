using Aurora.Core.Events;

namespace Aurora.Core.Insights.Analysers;

/// Health checks slower than `health.timeout`: checks that timed out (enough in a row to report the service
/// unhealthy) while the same process then answered again by itself. The service was not down; its check needs
/// longer. Proposes twice the timeout.
public sealed class HealthTimeoutAnalyser : IInsightAnalyser
{
    public const int MinimumTimeouts = 3;

    public IEnumerable<Insight> Analyse(InsightInput input)
    {
        foreach (var service in input.Declared)
        {
            if (service.Health is not { } health)
            {
                continue;
            }

            var (timeouts, recovered, killed) = Count(input, service);
            if (timeouts < MinimumTimeouts || recovered * 2 < timeouts)
            {
                continue;
            }

            var name = service.DeclaredName;
            var current = InsightValues.Duration(health.Timeout);
            var proposed = InsightValues.Duration(InsightValues.RoundUp(health.Timeout * 2));
            var evidence = new List<string>
            {
                $"its health check timed out after {current} {timeouts} times (reported unhealthy each time); {recovered} of those times the same process answered again without a restart",
            };
            if (killed > 0)
            {
                evidence.Add($"{killed} time{(killed == 1 ? " it was" : "s it was")} killed as hung after timeouts");
            }

            yield return new Insight(Insight.IdOf(InsightKinds.HealthTimeout, name), name, InsightKinds.HealthTimeout,
                $"{name}: health.timeout {current}; its check timed out {timeouts} times while the process was fine ({recovered} recovered by themselves); suggest {proposed}",
                [.. evidence], InsightProposal.Set(name, current, proposed, "health", "timeout"));
        }
    }

    /// Timed-out unhealthy reports of the health check (not readiness), those after which the same pid became
    /// healthy again before it exited, and those that killed it.
    private static (int Timeouts, int Recovered, int Killed) Count(InsightInput input, Config.ServiceConfig service)
    {
        var (timeouts, recovered, killed) = (0, 0, 0);
        var waiting = new Dictionary<string, long>();
        foreach (var e in input.Events.Where(e => input.BelongsTo(e.Service, service)))
        {
            var pid = StartHistory.Long(e.Data, "pid");
            switch (e.Type)
            {
                case EventTypes.ServiceUnhealthy when StartHistory.Flag(e.Data, "timed_out") && !IsReadiness(StartHistory.Text(e.Data, "detail")):
                    timeouts++;
                    if (StartHistory.Text(e.Data, "action") == "kill")
                    {
                        killed++;
                    }
                    else if (pid is { } p)
                    {
                        waiting[e.Service!] = p;
                    }

                    break;
                case EventTypes.ServiceHealthy when waiting.TryGetValue(e.Service!, out var p) && p == pid:
                    recovered++;
                    waiting.Remove(e.Service!);
                    break;
                case EventTypes.ServiceExited:
                    waiting.Remove(e.Service!);
                    break;
            }
        }

        return (timeouts, recovered, killed);
    }

    private static bool IsReadiness(string? detail) =>
        detail is not null && (detail.StartsWith("not ready within", StringComparison.Ordinal) || detail.StartsWith("no WATCHDOG", StringComparison.Ordinal));
}
