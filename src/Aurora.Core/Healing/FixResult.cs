namespace Aurora.Core.Healing;

/// What applying a fix did: whether it ran, and a line for people.
public sealed record FixResult(bool Applied, string Detail)
{
    public static FixResult Ok(string detail) => new(true, detail);

    public static FixResult Failed(string detail) => new(false, detail);
}
