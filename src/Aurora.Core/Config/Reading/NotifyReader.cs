using System.Collections.Immutable;
using Aurora.Core.Events;

namespace Aurora.Core.Config.Reading;

/// `notify: [{ webhook: URL, events: [types] }]`. Events may use `*` or `incident.*`;
/// they are expanded here, and no `events` key means every event type.
internal static class NotifyReader
{
    public static readonly string[] Keys = ["webhook", "events"];

    public static readonly ImmutableArray<string> KnownEvents =
    [
        EventTypes.DaemonStarted, EventTypes.DaemonStopping, EventTypes.ConfigReloaded,
        EventTypes.ServicePending, EventTypes.ServiceStarting, EventTypes.ServiceStarted, EventTypes.ServiceHealthy,
        EventTypes.ServiceUnhealthy, EventTypes.ServiceExited, EventTypes.ServiceBackoff, EventTypes.ServiceFailed,
        EventTypes.ServiceDegraded, EventTypes.ServiceStopping, EventTypes.ServiceStopped,
        EventTypes.IncidentOpened, EventTypes.IncidentDiagnosed, EventTypes.IncidentUpdated, EventTypes.IncidentResolved,
        EventTypes.FixStarted, EventTypes.FixVerified, EventTypes.FixRolledBack,
        EventTypes.ResourceExceeded, EventTypes.Prediction, EventTypes.PredictionResolved, EventTypes.MaintenanceDone, EventTypes.LogRotated,
    ];

    public static ImmutableArray<NotifyConfig> Read(YamlMap root)
    {
        var result = ImmutableArray.CreateBuilder<NotifyConfig>();
        foreach (var (node, path) in root.List("notify") ?? [])
        {
            if (YamlMap.Open(node, path, root.Bag, Keys) is not { } map)
            {
                root.Bag.Error(node.Start, path, "is empty; give a webhook, e.g. { webhook: \"http://127.0.0.1:9000/hook\" }");
                continue;
            }

            var webhook = ReadWebhook(map);
            var events = map.Has("events") ? ReadEvents(map) : KnownEvents;
            if (webhook is not null)
            {
                result.Add(new NotifyConfig(webhook, events));
            }
        }

        return result.ToImmutable();
    }

    private static string? ReadWebhook(YamlMap map)
    {
        var text = map.String("webhook");
        if (text is null)
        {
            if (map.Get("webhook") is null)
            {
                map.Bag.Error(map.KeyNode("webhook")?.Start ?? map.Node.Start, map.PathOf("webhook"),
                    "required key is missing; give the URL to POST events to, e.g. webhook: \"http://127.0.0.1:9000/hook\"");
            }

            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return text;
        }

        map.Bag.Error(map.Get("webhook")!.Start, map.PathOf("webhook"), $"{YamlNodes.Quote(text)} is not an http:// or https:// URL");
        return null;
    }

    private static ImmutableArray<string> ReadEvents(YamlMap map)
    {
        var events = new List<string>();
        foreach (var (node, path) in map.List("events") ?? [])
        {
            if (ScalarReader.Text(node, path, map.Bag, "an event type") is not { } text)
            {
                continue;
            }

            var matches = Expand(text);
            if (matches.Count == 0)
            {
                var hint = Parsing.EditDistance.Suggest(text, KnownEvents) is { } s ? $"did you mean `{s}`?" : "use a type such as incident.opened, fix.rolled_back or prediction, or a pattern such as incident.*";
                map.Bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is not an event type; {hint}");
            }

            events.AddRange(matches.Where(m => !events.Contains(m)));
        }

        return [.. events];
    }

    private static List<string> Expand(string pattern) =>
        pattern == "*" ? [.. KnownEvents]
        : pattern.EndsWith(".*", StringComparison.Ordinal) ? [.. KnownEvents.Where(e => e.StartsWith(pattern[..^1], StringComparison.Ordinal))]
        : KnownEvents.Contains(pattern) ? [pattern] : [];
}
