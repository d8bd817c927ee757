namespace Aurora.Core.Config.Reading;

/// Keys that are read and validated but do nothing yet (issue 12): accepted, so a config written for a
/// later version still loads, but never silently — each one set gets a positioned warning naming it.
internal static class NotEnforced
{
    public const string Monitor = "Aurora does not predict failures in this version; the value has no effect";

    public const string MinFree = "free space is not watched in this version (disk_full is diagnosed from ENOSPC in a service's output); the value has no effect";

    /// Warns about each of `keys` that is set in the map.
    public static void Warn(YamlMap map, string why, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (map.KeyNode(key) is { } at)
            {
                map.Bag.Warning(at.Start, map.PathOf(key), $"is not enforced yet: {why}");
            }
        }
    }
}
