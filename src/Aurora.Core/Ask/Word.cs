namespace Aurora.Core.Ask;

/// A word of the sentence as the rules read it (typos corrected, phrases folded), and where it stood.
internal readonly record struct Word(string Text, int At)
{
    public WordKind Kind => Words.KindOf(Text);

    public bool Is(WordKind kind) => (Kind & kind) != 0;
}
