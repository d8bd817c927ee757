using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Config.Reading;

internal static class UnknownKey
{
    public static string Message(string key, IReadOnlyList<string> allowed)
    {
        var suggestion = EditDistance.Suggest(key, allowed);
        return suggestion is not null
            ? $"unknown key {YamlNodes.Quote(key)}; did you mean `{suggestion}`?"
            : $"unknown key {YamlNodes.Quote(key)}; allowed here: {string.Join(", ", allowed)}";
    }
}
