using System.Text.RegularExpressions;

namespace Aurora.Core.Config.Reading;

/// `ready: { log: "REGEX", timeout: 30s }` or `ready: { notify: true, watchdog: 10s, timeout: 30s }` (SPEC §3).
internal static class ReadyReader
{
    public static readonly string[] Keys = ["log", "notify", "watchdog", "timeout"];

    public static ReadinessConfig? Read(YamlMap service)
    {
        if (service.Map("ready", Keys) is not { } map)
        {
            return null;
        }

        var log = map.String("log");
        var notify = map.Bool("notify", false);
        if (log is not null && !IsRegex(log, out var problem))
        {
            map.Bag.Error(map.Get("log")!.Start, map.PathOf("log"), $"{YamlNodes.Quote(log)} is not a regular expression: {problem}");
            log = null;
        }

        if (log is not null && notify)
        {
            map.Bag.Error(map.Get("notify")!.Start, map.PathOf("notify"),
                "give either log: (a line of output) or notify: true (READY=1 on NOTIFY_SOCKET), not both");
        }
        else if (log is null && !notify && !map.Has("log"))
        {
            map.Bag.Error(service.Get("ready")!.Start, service.PathOf("ready"),
                "says nothing about readiness; use ready: { log: \"listening on\" } or ready: { notify: true }");
        }

        TimeSpan? watchdog = null;
        if (map.Has("watchdog"))
        {
            watchdog = map.Duration("watchdog", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
            if (!notify)
            {
                map.Bag.Error(map.Get("watchdog")!.Start, map.PathOf("watchdog"),
                    "needs notify: true (the service pings WATCHDOG=1 on NOTIFY_SOCKET)");
            }
        }

        var timeout = map.Duration("timeout", ReadinessConfig.DefaultTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(24));
        return new ReadinessConfig(log, notify, watchdog, timeout);
    }

    private static bool IsRegex(string pattern, out string problem)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            problem = "";
            return true;
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return false;
        }
    }
}
