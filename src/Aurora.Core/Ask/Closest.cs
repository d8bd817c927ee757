using System.Collections.Immutable;
using Aurora.Core.Config.Parsing;
using Aurora.Core.Incidents;

namespace Aurora.Core.Ask;

/// The intents nearest to a sentence the parser could not read: each known word (or a slip of one, two edits
/// away) counts for the intents it belongs to, and a service, cause or time named counts for those that use it.
internal static class Closest
{
    private const int Shown = 3;

    private static readonly (WordKind Words, IntentKind Intent)[] Owners =
    [
        (WordKind.Status | WordKind.All, IntentKind.Status), (WordKind.Logs | WordKind.Errors, IntentKind.Logs),
        (WordKind.Why | WordKind.Failure, IntentKind.Why), (WordKind.Forecast | WordKind.Future, IntentKind.Forecast),
        (WordKind.PastFix | WordKind.Past, IntentKind.PastFixes), (WordKind.Start, IntentKind.Start), (WordKind.Stop, IntentKind.Stop),
        (WordKind.Restart, IntentKind.Restart), (WordKind.Heal, IntentKind.Heal),
        (WordKind.Reload | WordKind.Apply | WordKind.Config, IntentKind.Reload), (WordKind.Self, IntentKind.DaemonRestart),
    ];

    public static ImmutableArray<Suggestion> Defaults(Func<IntentKind, string?, Suggestion> example) =>
        [example(IntentKind.Status, null), example(IntentKind.Why, null), example(IntentKind.Restart, null)];

    public static ImmutableArray<Suggestion> For(Sentence s, Func<IntentKind, string?, Suggestion> example)
    {
        var score = new Dictionary<IntentKind, double>();
        void Add(IntentKind kind, double points) => score[kind] = score.GetValueOrDefault(kind) + points;

        foreach (var token in s.Tokens)
        {
            foreach (var (words, intent) in Owners)
            {
                var known = Words.Of(words).ToList();
                if (known.Contains(token))
                {
                    Add(intent, 2);
                }
                else if (token.Length >= 4 && known.Any(k => k.Length >= 4 && EditDistance.Between(token, k) <= 2))
                {
                    Add(intent, 1);
                }
            }
        }

        if (!s.Services.Services.IsEmpty)
        {
            Add(IntentKind.Status, 0.5);
            Add(IntentKind.Logs, 0.4);
            Add(IntentKind.Restart, 0.3);
        }

        if (s.Cause is not null)
        {
            Add(IntentKind.PastFixes, 1);
            Add(IntentKind.Why, 0.9);
        }

        if (s.Since is not null)
        {
            Add(IntentKind.Why, 1);
        }

        var service = s.Services.Services.FirstOrDefault();
        var best = score.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(Shown).Select(kv => example(kv.Key, service)).ToImmutableArray();
        return best.IsEmpty ? Defaults(example) : best;
    }

    /// A sentence that asks for the intent: "restart api", "why did api fail?", "past fixes for port conflict".
    public static Suggestion Example(IntentKind kind, string service, string? cause) => new(kind, kind switch
    {
        IntentKind.Status => service == "all" ? "status" : $"status of {service}",
        IntentKind.Logs => $"last 50 lines of {service}",
        IntentKind.Why => $"why did {service} fail?",
        IntentKind.Forecast => "what will fail next?",
        IntentKind.PastFixes => $"past fixes for {CauseWords.PlainName(cause ?? Diagnosis.Causes.PortConflict)}",
        IntentKind.Reload => "reload the config",
        IntentKind.DaemonRestart => "restart yourself",
        _ => $"{kind.WireName()} {service}",
    });
}
