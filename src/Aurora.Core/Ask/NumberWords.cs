using System.Globalization;

namespace Aurora.Core.Ask;

/// A whole number as digits ("50") or as a word people type ("fifty", "a hundred" reads as its last word).
public static class NumberWords
{
    private static readonly Dictionary<string, int> Named = new(StringComparer.Ordinal)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["fifteen"] = 15,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["hundred"] = 100,
        ["thousand"] = 1000,
        ["couple"] = 2,
        ["few"] = 3,
    };

    public static bool TryRead(string word, out double value)
    {
        if (Named.TryGetValue(word, out var n))
        {
            value = n;
            return true;
        }

        return double.TryParse(word, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && word.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}
