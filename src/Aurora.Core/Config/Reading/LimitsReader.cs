using System.Globalization;

namespace Aurora.Core.Config.Reading;

/// `limits: { memory: 512MiB, cpu: 90%, for: 30s }`; cpu is a percentage of one core.
internal static class LimitsReader
{
    public static readonly string[] Keys = ["memory", "cpu", "for"];

    public static ResourceLimits Read(YamlMap service)
    {
        var d = ResourceLimits.None;
        if (service.Map("limits", Keys) is not { } map)
        {
            return d;
        }

        NotEnforced.Warn(map, NotEnforced.Memory, "memory");
        NotEnforced.Warn(map, NotEnforced.Cpu, "cpu", "for");
        long? memory = map.Get("memory") is { } m ? ScalarReader.Size(m, map.PathOf("memory"), map.Bag, 1, long.MaxValue) : null;
        var sustained = map.Duration("for", d.For, TimeSpan.Zero, TimeSpan.MaxValue);
        return new ResourceLimits(memory, ReadCpu(map), sustained);
    }

    private static double? ReadCpu(YamlMap map)
    {
        if (map.Get("cpu") is not { } node || ScalarReader.Text(node, map.PathOf("cpu"), map.Bag, "a percentage") is not { } text)
        {
            return null;
        }

        var number = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) &&
            percent > 0 && double.IsFinite(percent))
        {
            return percent;
        }

        map.Bag.Error(node.Start, map.PathOf("cpu"),
            $"{YamlNodes.Quote(text)} is not a CPU share; use a percentage of one core above 0, e.g. 90% or 150%");
        return null;
    }
}
