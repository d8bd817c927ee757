using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora events [-f] [--json] [--after SEQ]`
internal static class EventsCommand
{
    public static Command Create()
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new events" };
        var after = new Option<long>("--after") { Description = "Only events with a seq above this" };
        var command = new Command("events", "The event stream: stored events, then (with -f) live ones") { follow, after, CliOptions.Json };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse), Timeout.InfiniteTimeSpan);
            var json = parse.GetValue(CliOptions.Json);
            var last = parse.GetValue(after);
            if (!parse.GetValue(follow))
            {
                while (true)
                {
                    var page = await client.GetAsync($"/api/v1/events?after={last}&limit=10000", AuroraJsonContext.Default.EventListDto, ct);
                    foreach (var e in page.Events)
                    {
                        Print(e, json);
                        last = e.Seq;
                    }

                    if (page.Events.Count < 10000)
                    {
                        return ExitCodes.Ok;
                    }
                }
            }

            await FollowAsync(client, last, json, ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task FollowAsync(ControlClient client, long after, bool json, CancellationToken ct)
    {
        await foreach (var m in EventStream.FollowAsync(client, after, ct))
        {
            if (m.Event is { } e)
            {
                Console.Out.WriteLine(json ? m.Json : EventPrinter.Line(e));
            }
        }
    }

    private static void Print(EventDto e, bool json) => Console.Out.WriteLine(
        json ? JsonSerializer.Serialize(e, AuroraJsonContext.Default.EventDto) : EventPrinter.Line(e));
}
