using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aurora.Porting.Import.Pm2;

/// autorestart, max_restarts, restart_delay, exp_backoff_restart_delay, max_memory_restart and cron_restart.
internal static partial class Pm2Restart
{
    public static void Read(ImportedService s, JsonElement app, ImportContext ctx)
    {
        var restart = new ImportedRestart { Policy = Json.Bool(app, "autorestart") == false ? "never" : "always" };
        if (Json.Number(app, "max_restarts") is { } max and >= 1)
        {
            restart = restart with { LimitCount = (int)max };
            s.Comments.Add($"max_restarts {max}: PM2 counts restarts that came sooner than min_uptime; Aurora counts exits within restart.limit.within (60s)");
        }

        if (Json.Number(app, "exp_backoff_restart_delay") is { } exp and > 0)
        {
            // PM2 grows the delay by 1.5 each time, up to 15 s.
            var initial = TimeSpan.FromMilliseconds(Math.Min(exp, 15_000));
            restart = restart with { BackoffInitial = initial, BackoffMax = TimeSpan.FromSeconds(15), BackoffMultiplier = 1.5 };
        }
        else if (Json.Number(app, "restart_delay") is { } delay and > 0 and <= 3_600_000)
        {
            var fixedDelay = TimeSpan.FromMilliseconds(delay);
            restart = restart with { BackoffInitial = fixedDelay, BackoffMax = fixedDelay, BackoffMultiplier = 1 };
        }

        s.Restart = restart;
        if (Json.Text(app, "max_memory_restart") is { } memory)
        {
            var bytes = Bytes(memory);
            if (bytes is >= 8L << 20)
            {
                s.MemoryLimit = bytes;
            }
            else
            {
                ctx.Skip(s.Name, $"max_memory_restart {memory}", bytes is null
                    ? "not a size PM2 writes (300M, 1G)"
                    : $"{bytes} bytes is below 8MiB, less than a runtime needs to start; Aurora would kill it at once");
            }
        }

        if (Json.Text(app, "cron_restart") is { } cron)
        {
            ctx.Skip(s.Name, $"cron_restart {cron}",
                "it restarts a long-running app on a timer, which is not a schedule (Aurora's schedule: runs a one-shot job on time)");
        }
    }

    /// PM2's units are binary (1K = 1024); a bare number is bytes.
    private static long? Bytes(string text)
    {
        var m = Size().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return (long)(n * m.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "K" => 1L << 10,
            "M" => 1L << 20,
            "G" => 1L << 30,
            _ => 1L,
        });
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<unit>[kKmMgG]?)[bB]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
