using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Ask;

/// The orders: restart, stop, start, heal, reload, restart yourself. Each needs its target without doubt.
internal sealed partial class IntentRules
{
    private static readonly HashSet<string> Later =
        ["later", "tomorrow", "tonight", "hour", "hours", "minute", "minutes", "min", "mins", "schedule", "scheduled", "after", "until", "oclock", "pm", "am", "midnight"];

    private AskParse Order(List<IntentKind> actions)
    {
        if (actions.Count > 1)
        {
            return Refuse($"one thing at a time: {string.Join(" or ", actions.Select(a => a.WireName()))}?",
                [.. actions.Select(a => Example(a, s.Services.Services.FirstOrDefault()))]);
        }

        var action = actions[0];
        if (Negated())
        {
            return Refuse($"I act only on what you ask for, not on what you don't; nothing was done", [Example(action, s.Services.Services.FirstOrDefault())]);
        }

        if (s.Since is not null || s.Tokens.Any(Later.Contains))
        {
            return Refuse("I act now or not at all: I cannot schedule an order for later", [Example(action, s.Services.Services.FirstOrDefault())]);
        }

        if (s.Has(WordKind.Except))
        {
            return Refuse("I cannot leave services out of an order; name the ones to act on",
                [.. names.Take(2).Select(n => Example(action, n))]);
        }

        var services = s.Services.Services;
        var self = s.Has(WordKind.Self) && services.IsEmpty;
        switch (action)
        {
            case IntentKind.Reload when self && !s.Has(WordKind.Config):
            case IntentKind.Restart when self:
                return AskParse.Of(new Intent(IntentKind.DaemonRestart));
            case IntentKind.Stop or IntentKind.Start when self:
                return Refuse($"I can restart myself, not {action.WireName()} myself (`aurora down` stops the daemon and every service)",
                    [Example(IntentKind.DaemonRestart, null), Example(action, "all")]);
            case IntentKind.Reload when !services.IsEmpty && !s.Has(WordKind.Config):
                return Refuse($"reload re-reads aurora.yaml; to restart {services[0]}, say so",
                    [Example(IntentKind.Restart, services[0]), Example(IntentKind.Reload, null)]);
            case IntentKind.Reload:
                return AskParse.Of(new Intent(IntentKind.Reload));
        }

        if (Doubt(action) is { } refusal)
        {
            return refusal;
        }

        if (action == IntentKind.Heal)
        {
            return services.Length == 1
                ? AskParse.Of(new Intent(IntentKind.Heal) { Services = services })
                : services.Length > 1
                    ? Refuse("heal one service at a time: " + string.Join(" or ", services) + "?", [.. services.Select(n => Example(action, n))])
                    : NoTarget(action, "heal which service?");
        }

        if (services.IsEmpty && !s.Has(WordKind.All))
        {
            return NoTarget(action, $"{action.WireName()} what? Name a service or say all");
        }

        return AskParse.Of(new Intent(action) { Services = services, All = services.IsEmpty });
    }

    /// "don't restart the api", "never stop db": a negation before the order, with nothing but small words between.
    private bool Negated()
    {
        var order = s.Words.FirstOrDefault(w => w.Is(WordKind.Action));
        foreach (var w in s.Words)
        {
            if (w == order)
            {
                return false;
            }

            if (w.Is(WordKind.Negation))
            {
                var between = s.Words.SkipWhile(x => x != w).Skip(1).TakeWhile(x => x != order);
                if (between.All(x => x.Is(WordKind.Filler | WordKind.Polite | WordKind.Negation | WordKind.Question)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// A refusal when a service word could be several services, or an unknown word sits where a service would
    /// ("restart foo", "status of foo", "restart api and foo"); null when the target is clear.
    private AskParse? Doubt(IntentKind kind)
    {
        if (s.Services.Ambiguous.FirstOrDefault() is { Token: not null } amb)
        {
            return Refuse($"\"{amb.Token}\" could be {string.Join(" or ", amb.Candidates)}; say which",
                [.. amb.Candidates.Select(c => Example(kind, c))]);
        }

        var orders = kind.ChangesState();
        var stray = s.Unknown.FirstOrDefault(u =>
            (orders && s.Services.Services.IsEmpty && !s.Has(WordKind.All))
            || s.Before(u.At) is "and" or "plus" or "also"
            || (s.Services.Services.IsEmpty && (s.Before(u.At) is "of" or "for" or "did" or "does" or "is" or "to" or "on" or "from" or "about" or "with"
                || s.After(u.At) is "service" or "server" or "logs" or "log" or "status" or "crash" or "crashed" or "fail" or "failed")));
        if (stray.Text is null)
        {
            return null;
        }

        var near = EditDistance.Suggest(stray.Text, names);
        var known = names.Count == 0 ? "no services are configured" : "services: " + string.Join(", ", names);
        return Refuse($"no service named \"{stray.Text}\"{(near is null ? "" : $"; did you mean {near}?")} ({known})",
            near is null ? [.. names.Take(2).Select(n => Example(kind, n))] : [Example(kind, near)]);
    }

    private AskParse NoTarget(IntentKind kind, string message) =>
        Doubt(kind) ?? Refuse($"{message} ({(names.Count == 0 ? "no services are configured" : "services: " + string.Join(", ", names))})",
            kind is IntentKind.Heal or IntentKind.Logs
                ? [.. names.Take(2).Select(n => Example(kind, n))]
                : [Example(kind, "all"), .. names.Take(1).Select(n => Example(kind, n))]);
}
