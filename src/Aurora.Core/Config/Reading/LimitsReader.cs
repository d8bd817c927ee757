using System.Globalization;
using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Config.Reading;

/// `limits: { memory: 512MiB, cpu: 90%, for: 30s, on_cpu: warn, pids: 256 }`; cpu is a percentage of one core.
internal static class LimitsReader
{
    public static readonly string[] Keys = ["memory", "cpu", "for", "on_cpu", "pids"];

    /// Below this no runtime starts: a shell and its child, python3 (about 9 MiB resident) or node (about 40 MiB)
    /// would be killed at once. The rule is a fixed floor, known without running anything (validate runs without a
    /// daemon, so the service's own smallest RSS of the last minute is not at hand).
    public const long SmallestStartingMemory = 8L * 1024 * 1024;

    private static readonly (string, CpuAction)[] CpuActions = [("warn", CpuAction.Warn), ("restart", CpuAction.Restart)];

    public static ResourceLimits Read(YamlMap service)
    {
        var d = ResourceLimits.None;
        if (service.Map("limits", Keys) is not { } map)
        {
            return d;
        }

        long? memory = map.Get("memory") is { } m ? ScalarReader.Size(m, map.PathOf("memory"), map.Bag, 1, long.MaxValue) : null;
        if (memory < SmallestStartingMemory && map.KeyNode("memory") is { } at)
        {
            map.Bag.Warning(at.Start, map.PathOf("memory"),
                $"{SizeParser.Format(memory.Value)} is below {SizeParser.Format(SmallestStartingMemory)}, less than a runtime needs to start; the service would be killed as soon as it starts");
        }

        var sustained = map.Duration("for", d.For, TimeSpan.Zero, TimeSpan.MaxValue);
        var onCpu = map.Choice("on_cpu", CpuAction.Warn, CpuActions);
        int? pids = map.Get("pids") is { } p ? (int?)ScalarReader.Integer(p, map.PathOf("pids"), map.Bag, 1, 4_194_304) : null;
        return new ResourceLimits(memory, ReadCpu(map), sustained, onCpu, pids);
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
