namespace Aurora.Core.Config.Reading;

/// Keys that are read and validated but do nothing yet (issue 12): accepted, so a config written for a
/// later version still loads, but never silently — each one set gets a positioned warning naming it.
internal static class NotEnforced
{
    public const string Memory = "no memory cap is applied in this version; the value only helps recognise an out_of_memory kill";

    public const string Cpu = "CPU use is not watched in this version; the value has no effect";

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
