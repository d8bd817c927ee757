namespace Aurora.Core.Insights.Editing;

/// A proposal that cannot be written into the config files as they are laid out; the message says why and what
/// to do by hand.
public sealed class InsightDeclinedException(string message) : Exception(message);
