namespace Aurora.Core.Config.Reading;

/// What every section reader needs besides its own node.
internal sealed record ReadContext(DiagnosticBag Bag, string ProjectDirectory, Func<string, bool> CommandExists);
