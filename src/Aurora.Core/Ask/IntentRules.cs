using System.Collections.Immutable;

namespace Aurora.Core.Ask;

/// Decides what a taken-apart sentence asks for. Questions first (why, what next, what fixed it), then orders
/// (restart, stop, start, heal, reload), then what to show (failures, logs, status). An order must name its
/// target without doubt; anything less is refused with the closest intents.
internal sealed partial class IntentRules(Sentence s, IReadOnlyList<string> names)
{
    private static readonly (WordKind Word, IntentKind Intent)[] Actions =
        [(WordKind.Restart, IntentKind.Restart), (WordKind.Stop, IntentKind.Stop), (WordKind.Start, IntentKind.Start),
         (WordKind.Heal, IntentKind.Heal), (WordKind.Reload, IntentKind.Reload)];

    public AskParse Decide()
    {
        if (s.Tokens.IsEmpty)
        {
            return Refuse("say what you would like, in a sentence", Closest.Defaults(Example));
        }

        if (s.Has(WordKind.Why))
        {
            return OneService(IntentKind.Why);
        }

        if (s.Has(WordKind.Forecast) || (s.Has(WordKind.Future) && s.Has(WordKind.Failure)))
        {
            return Read(new Intent(IntentKind.Forecast) { Services = s.Services.Services });
        }

        if (s.Has(WordKind.PastFix) || (s.HasWord("fix") && s.Has(WordKind.Past)))
        {
            return OneService(IntentKind.PastFixes);
        }

        if (s.Cause is not null && IsQuestion())
        {
            return OneService(IntentKind.Why);
        }

        var actions = Actions.Where(a => s.Has(a.Word)).Select(a => a.Intent).ToList();
        if (s.Has(WordKind.Apply) && s.Has(WordKind.Config) && !actions.Contains(IntentKind.Reload))
        {
            actions.Add(IntentKind.Reload);
        }

        // "stop the api and start it again", "start the api again": a restart in two words.
        if ((actions is [IntentKind.Stop, IntentKind.Start] && s.First(WordKind.Stop)!.Value.At < s.First(WordKind.Start)!.Value.At)
            || (actions is [IntentKind.Start] && s.HasWord("again")))
        {
            actions = [IntentKind.Restart];
        }

        if (actions.Count > 0 && !IsQuestion())
        {
            return Order(actions);
        }

        if (s.Has(WordKind.Failure))
        {
            return OneService(IntentKind.Why);
        }

        if (s.Has(WordKind.Logs) || s.Has(WordKind.Errors))
        {
            return Logs();
        }

        if (s.Cause is not null && !s.Has(WordKind.Status))
        {
            return OneService(IntentKind.Why);
        }

        if (s.Has(WordKind.Status) || actions.Count > 0
            || (s.Unknown.Count == 0 && (s.Has(WordKind.All) || !s.Services.Services.IsEmpty)))
        {
            return Status();
        }

        return Refuse(s.Unknown.Count > 0 && s.Services.Services.IsEmpty && s.Unknown.Count == s.Tokens.Length
            ? "I don't know what you mean" : "I did not understand that", Closest.For(s, Example));
    }

    /// "did the api restart?", "is it safe to restart the api?": a question about an action, not an order.
    private bool IsQuestion()
    {
        if (s.Words.Count == 0)
        {
            return false;
        }

        var (first, second) = (s.Words[0].Text, s.Words.Count > 1 ? s.Words[1].Text : "");
        return (s.Words[0].Is(WordKind.Question) && (!s.HasWord("you") || (first is "did" or "have" or "has" && second == "you")))
            || (first == "how" && Words.KindOf(second).HasFlag(WordKind.Question));
    }

    private AskParse Status()
    {
        if (Doubt(IntentKind.Status) is { } refusal)
        {
            return refusal;
        }

        var services = s.Services.Services;
        return Read(new Intent(IntentKind.Status) { Services = services, All = services.IsEmpty });
    }

    private AskParse Logs()
    {
        var services = s.Services.Services;
        if (services.Length != 1)
        {
            return services.Length > 1
                ? Refuse("logs of one service at a time: " + string.Join(" or ", services), [.. services.Select(n => Example(IntentKind.Logs, n))])
                : NoTarget(IntentKind.Logs, "logs of which service?");
        }

        return Read(new Intent(IntentKind.Logs)
        {
            Services = services,
            Lines = Math.Min(s.Number ?? Intent.DefaultLines, Intent.MaxLines),
            ErrorsOnly = s.Has(WordKind.Errors),
            Since = s.Since,
        });
    }

    /// Why and past fixes: about one service, or all of them when none is named.
    private AskParse OneService(IntentKind kind)
    {
        var services = s.Services.Services;
        if (services.Length > 1)
        {
            return Refuse($"one service at a time: {string.Join(" or ", services)}?", [.. services.Select(n => Example(kind, n))]);
        }

        if (Doubt(kind) is { } refusal)
        {
            return refusal;
        }

        return Read(new Intent(kind) { Services = services, All = services.IsEmpty && kind == IntentKind.Why, Cause = s.Cause, Since = s.Since });
    }

    private static AskParse Read(Intent intent) => AskParse.Of(intent);

    private AskParse Refuse(string message, ImmutableArray<Suggestion> closest) => AskParse.NotUnderstood(message, closest);

    private Suggestion Example(IntentKind kind, string? service) =>
        Closest.Example(kind, service ?? (names.Count > 0 ? names[0] : "api"), s.Cause);
}
