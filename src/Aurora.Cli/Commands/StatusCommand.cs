using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep the table live, redrawn from the event stream (like top)" };
        var command = new Command("status", "One row per service: state, pid, uptime, restarts, health, cpu, memory, last cause") { CliOptions.Json, watch };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse), parse.GetValue(watch) ? Timeout.InfiniteTimeSpan : null);
            if (parse.GetValue(watch))
            {
                await WatchAsync(client, ct);
                return ExitCodes.Ok;
            }

            var raw = await client.GetRawAsync("/api/v1/services", ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.Out.WriteLine(raw);
                return ExitCodes.Ok;
            }

            var list = JsonSerializer.Deserialize(raw, AuroraJsonContext.Default.ServiceListDto)!;
            using (BufferedConsole.Stdout())
            {
                StatusTable.Write(list.Services);
                if (list.Store is { } store)
                {
                    Console.Out.WriteLine($"store: cannot write .aurora/state.db since {store.Since.ToLocalTime():HH:mm:ss}: {store.Reason}; "
                        + $"{store.HeldEvents} events held in memory" + (store.DroppedEvents > 0 ? $", {store.DroppedEvents} dropped" : "")
                        + "; the rows above are current (from memory)");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// One read of the list, then every change from the stream; the table is redrawn when something changed,
    /// and once a second for the uptimes (a local clock, not a request).
    private static async Task WatchAsync(ControlClient client, CancellationToken ct)
    {
        var view = await ServiceView.ReadAsync(client, ct);
        var dirty = new SemaphoreSlim(1);
        var follow = Task.Run(async () =>
        {
            await foreach (var m in EventStream.FollowAsync(client, view.Seq, ct))
            {
                lock (view)
                {
                    if (m.Event is { } e ? view.Apply(e) : view.ApplySample(m.Json))
                    {
                        dirty.Release();
                    }
                }
            }
        }, ct);

        try
        {
            while (!follow.IsCompleted)
            {
                _ = await dirty.WaitAsync(TimeSpan.FromSeconds(1), ct);
                IReadOnlyList<ServiceDto> rows;
                lock (view)
                {
                    rows = view.Rows;
                }

                var now = TimeProvider.System.GetUtcNow();
                Console.Out.Write(Terminal.Colour ? "\u001b[H\u001b[2J" : "\n");
                Console.Out.WriteLine($"aurora status -w   {now.ToLocalTime():HH:mm:ss}   seq {view.Seq}   (Ctrl-C to quit)");
                StatusTable.Write([.. rows.Select(r => r with
                {
                    UptimeMs = r.Pid is not null && r.StartedAt is { } s ? (long)(now - s).TotalMilliseconds : null,
                    Prediction = r.Prediction is { } p ? p with { EtaSeconds = Math.Max(0, (p.BreachAt - now).TotalSeconds) } : null,
                })]);
            }

            await follow;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
