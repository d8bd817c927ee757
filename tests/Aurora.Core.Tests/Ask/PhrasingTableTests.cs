using Aurora.Core.Ask;

namespace Aurora.Core.Tests.Ask;

/// The phrasing table (phrasings.txt): every wording, typo and word order maps to its intent and arguments,
/// and the sentences that must be refused are.
public class PhrasingTableTests
{
    public static readonly string[] Services = ["api", "chat", "worker", "db", "web", "payment-gateway"];

    private static readonly IntentParser Parser = new(Services);

    public static TheoryData<string, string> Table()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Ask", "phrasings.txt")))
        {
            if (line.StartsWith('#') || !line.Contains("=>", StringComparison.Ordinal))
            {
                continue;
            }

            var arrow = line.LastIndexOf("=>", StringComparison.Ordinal);
            data.Add(line[..arrow].Trim(), line[(arrow + 2)..].Trim());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Sentence_parses_to_its_intent(string text, string expected)
    {
        var parse = Parser.Parse(text);
        Assert.Equal(expected, parse.Intent?.ToString() ?? "refused");
        if (!parse.Understood)
        {
            Assert.False(string.IsNullOrEmpty(parse.Message));
            Assert.NotEmpty(parse.Closest);
        }
    }

    [Fact]
    public void The_table_has_at_least_150_phrasings_and_refusals_among_them()
    {
        var rows = Table().Select(r => r.Data.Item2).ToList();
        Assert.True(rows.Count >= 150, $"{rows.Count} phrasings");
        Assert.True(rows.Count(r => r == "refused") >= 25);
        foreach (var kind in Enum.GetValues<IntentKind>())
        {
            Assert.Contains(rows, r => r.Split(' ')[0] == kind.WireName());
        }
    }

    [Fact]
    public void No_refusal_suggests_anything_but_known_intents_with_real_services()
    {
        foreach (var text in new[] { "restart foo", "delete the api", "hello", "" })
        {
            foreach (var suggestion in Parser.Parse(text).Closest)
            {
                Assert.True(Parser.Parse(suggestion.Example).Intent?.Kind == suggestion.Kind, suggestion.Example);
            }
        }
    }
}
