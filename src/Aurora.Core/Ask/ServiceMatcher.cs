using System.Collections.Immutable;

namespace Aurora.Core.Ask;

/// Finds the config's services in a sentence: by name ("api"), by its words ("chat server" for chat-server,
/// "payment" for payment-gateway when only one service has it), plural or possessive ("apis"), a common
/// long form ("database" for db) or a slip ("wroker"). "server", "service" and "app" after a name are noise.
internal sealed class ServiceMatcher(IEnumerable<string> services)
{
    private static readonly Dictionary<string, string[]> LongForms = new(StringComparer.Ordinal)
    {
        ["db"] = ["database", "databases"],
        ["pg"] = ["postgres", "postgresql"],
        ["postgres"] = ["postgresql", "pg"],
        ["ui"] = ["frontend", "front-end"],
        ["fe"] = ["frontend", "front-end"],
        ["be"] = ["backend", "back-end"],
        ["mq"] = ["queue"],
    };

    private static readonly HashSet<string> Noise = ["server", "service", "app", "application", "process", "daemon"];

    private readonly ImmutableArray<(string Name, string Lower, string[] Parts)> _services =
        [.. services.Select(s => (s, s.ToLowerInvariant(), s.ToLowerInvariant().Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)))];

    public IEnumerable<string> Names => _services.Select(s => s.Name);

    /// Marks the tokens it reads as services in `taken`.
    public ServiceFinding Find(ImmutableArray<string> tokens, bool[] taken)
    {
        var found = new List<string>();
        var ambiguous = new List<(string Token, IReadOnlyList<string> Candidates)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (taken[i])
            {
                continue;
            }

            // Longest first: "chat server" is chat-server before it is chat.
            var multi = _services.Where(s => s.Parts.Length > 1 && i + s.Parts.Length <= tokens.Length
                    && s.Parts.Select((p, k) => !taken[i + k] && Same(tokens[i + k], p)).All(x => x))
                .OrderByDescending(s => s.Parts.Length).FirstOrDefault();
            if (multi.Name is not null)
            {
                Take(multi.Name, i, multi.Parts.Length);
                continue;
            }

            var best = Best(tokens[i]);
            if (best.Count == 1)
            {
                Take(best[0], i, 1);
            }
            else if (best.Count > 1)
            {
                ambiguous.Add((tokens[i], best));
                taken[i] = true;
            }
        }

        return new ServiceFinding([.. found.Distinct()], [.. ambiguous]);

        void Take(string name, int at, int length)
        {
            found.Add(name);
            for (var k = at; k < at + length; k++)
            {
                taken[k] = true;
            }
        }
    }

    /// The services a single word names at its best strength: exact, then plural, long form or joined parts,
    /// then a slip, then a distinctive part of one name.
    private List<string> Best(string token)
    {
        for (var strength = 4; strength >= 1; strength--)
        {
            var level = strength;
            var matches = _services.Where(s => Strength(token, s.Lower, s.Parts) == level).Select(s => s.Name).ToList();
            if (matches.Count > 0)
            {
                return matches;
            }
        }

        return [];
    }

    private static int Strength(string token, string name, string[] parts)
    {
        if (token == name)
        {
            return 4;
        }

        if ((name.Length >= 2 && token == name + "s" && !Words.IsKnown(token)) || token == string.Concat(parts)
            || (LongForms.TryGetValue(name, out var longer) && longer.Contains(token)))
        {
            return 3;
        }

        if (Words.IsKnown(token) || token.Length < 3)
        {
            return 0;
        }

        if (Typo.NearName(token, name) || (parts.Length > 1 && Typo.NearName(token, string.Concat(parts))))
        {
            return 2;
        }

        return parts.Length > 1 && !Noise.Contains(token) && token.Length >= 3 && (parts.Contains(token) || parts.Any(p => token == p + "s")) ? 1 : 0;
    }

    private static bool Same(string token, string part) => token == part || (part.Length >= 4 && Typo.NearName(token, part));
}
