using Aurora.Core.Processes;

namespace Aurora.Core.Config.Reading;

internal static class StopReader
{
    public static readonly string[] Keys = ["signal", "timeout"];

    public static StopConfig Read(YamlMap service)
    {
        var d = StopConfig.Default;
        if (service.Map("stop", Keys) is not { } map)
        {
            return d;
        }

        var timeout = map.Duration("timeout", d.Timeout, TimeSpan.Zero, TimeSpan.FromHours(1));
        if (map.String("signal") is not { } text)
        {
            return d with { Timeout = timeout };
        }

        if (Signals.Parse(text) is { } signal)
        {
            return new StopConfig(signal, Signals.Name(signal), timeout);
        }

        map.Bag.Error(map.Get("signal")!.Start, map.PathOf("signal"),
            $"{YamlNodes.Quote(text)} is not a signal; use a name such as SIGTERM, SIGINT, SIGQUIT, SIGHUP or SIGUSR1, or its number");
        return d with { Timeout = timeout };
    }
}
