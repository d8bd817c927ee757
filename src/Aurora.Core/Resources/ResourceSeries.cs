namespace Aurora.Core.Resources;

/// A service's samples from the ring, oldest first.
public sealed record ResourceSeries(string Name, IReadOnlyList<ResourcePoint> Points);
