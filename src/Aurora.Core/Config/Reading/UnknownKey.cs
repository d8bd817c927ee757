using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Config.Reading;

internal static class UnknownKey
{
    public static (string Message, string? Suggestion) Describe(string key, IReadOnlyList<string> allowed)
    {
        var suggestion = EditDistance.Suggest(key, allowed);
        var message = suggestion is not null
            ? $"unknown key {YamlNodes.Quote(key)}; did you mean `{suggestion}`?"
            : $"unknown key {YamlNodes.Quote(key)}; allowed here: {string.Join(", ", allowed)}";
        return (message, suggestion);
    }
}
