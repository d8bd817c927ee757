using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Incidents;
using Aurora.Core.Resources;

namespace Aurora.Core.Insights;

/// Reads what the analysers need from the stores: the newest events of the kinds they read (at most MaxEvents
/// back, paged), the incidents and the resource minutes of the last 30 days.
public sealed class InsightSource(IEventStore events, Func<long> lastSeq, IFailureStore? failures, IResourceHistory? resources, TimeProvider time)
{
    public const int MaxEvents = 200_000;
    public const int Page = 5_000;
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    private static readonly HashSet<string> Read =
    [
        EventTypes.ServiceStarted, EventTypes.ServiceHealthy, EventTypes.ServiceReady, EventTypes.ServiceUnhealthy, EventTypes.ServiceExited,
        EventTypes.ServiceFailed, EventTypes.FixVerified, EventTypes.FixRolledBack,
    ];

    public async Task<InsightInput> ReadAsync(AuroraConfig config, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var last = lastSeq();
        var after = Math.Max(0, last - MaxEvents);
        var list = new List<AuroraEvent>();
        while (after < last)
        {
            var page = await events.ReadAfterAsync(after, Page, ct);
            if (page.Count == 0)
            {
                break;
            }

            list.AddRange(page.Where(e => e.Seq <= last && e.Time >= now - Window && Read.Contains(e.Type)));
            after = page[^1].Seq;
        }

        var incidents = failures is null ? []
            : (await failures.QueryAsync(new HistoryQuery(null, Since: now - Window, Limit: HistoryQuery.MaxLimit), ct)).Incidents;
        var minutes = resources is null ? [] : await resources.ReadAsync(null, now - Window, ct);
        return new InsightInput(config, list, incidents, minutes, now, time.LocalTimeZone);
    }

    /// The insights of the config in force, each proposal located in the file it would edit (or declined).
    public async Task<InsightReport> InsightsAsync(AuroraConfig config, CancellationToken ct)
    {
        var input = await ReadAsync(config, ct);
        var insights = InsightAnalysis.Run(input).Select(i => i.Proposal is { } p ? i with { Proposal = Editing.ConfigEditor.Locate(config.Files, p) } : i);
        return new InsightReport([.. insights], input.Now - Window, input.Events.Count, input.Incidents.Count, input.Minutes.Count);
    }
}
