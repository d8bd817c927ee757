namespace Aurora.Core.Config.Reading;

/// What every section reader needs besides its own node.
/// ActiveProfiles: the profiles the config is loaded for (`up --profile`), which decide what starts with the stack.
internal sealed record ReadContext(DiagnosticBag Bag, string ProjectDirectory, Func<string, bool> CommandExists)
{
    public System.Collections.Immutable.ImmutableArray<string> ActiveProfiles { get; init; } = [];
}
