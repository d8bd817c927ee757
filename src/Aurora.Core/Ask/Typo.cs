using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Ask;

/// Whether a typed word is a slip of a known one. Short words tolerate only a swap of two neighbours ("stpo"),
/// since one changed letter turns them into other words; longer ones one edit ("restat"), and long ones two.
internal static class Typo
{
    public static bool Near(string typed, string known)
    {
        if (typed == known)
        {
            return true;
        }

        if (known.Length <= 2 || typed.Length < 3 || Math.Abs(typed.Length - known.Length) > 2)
        {
            return false;
        }

        var distance = EditDistance.Between(typed, known);
        return known.Length switch
        {
            <= 4 => distance == 1 && typed.Length == known.Length && IsSwap(typed, known),
            < 8 => distance <= 1,
            _ => distance <= 2,
        };
    }

    /// Near, for a name the user chose (a service): also one letter added, dropped or changed once it has three.
    public static bool NearName(string typed, string name)
    {
        if (Near(typed, name))
        {
            return true;
        }

        return name.Length is 3 or 4 && typed.Length >= name.Length && EditDistance.Between(typed, name) == 1;
    }

    private static bool IsSwap(string a, string b) =>
        a.Order().SequenceEqual(b.Order());
}
