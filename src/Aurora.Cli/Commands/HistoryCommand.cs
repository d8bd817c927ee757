using System.CommandLine;
using System.Text;
using System.Text.Json;
using Aurora.Cli.Client;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora history [QUERY] [--service S] [--cause C] [--since 2h] [--json]`
internal static class HistoryCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Arity = ArgumentArity.ZeroOrMore, Description = "Words to search for, e.g. \"port conflict\"" };
        var service = new Option<string?>("--service") { Description = "Only this service" };
        var cause = new Option<string?>("--cause") { Description = "Only this cause, e.g. port_conflict" };
        var since = new Option<string?>("--since") { Description = "Only the last 30m, 2h, 1d … (or since an ISO-8601 time)" };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many incidents and events", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "Past incidents, their causes, evidence and fixes, and matching events")
        {
            query, service, cause, since, limit, CliOptions.Json,
        };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            var path = new StringBuilder("/api/v1/history?limit=").Append(parse.GetValue(limit));
            Add(path, "q", string.Join(' ', parse.GetValue(query) ?? []));
            Add(path, "service", parse.GetValue(service));
            Add(path, "cause", parse.GetValue(cause));
            Add(path, "since", parse.GetValue(since));

            using var client = new ControlClient(ProjectLocator.Paths(parse));
            var raw = await client.GetRawAsync(path.ToString(), ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.Out.WriteLine(raw);
                return ExitCodes.Ok;
            }

            HistoryTable.Write(JsonSerializer.Deserialize(raw, AuroraJsonContext.Default.HistoryDto)!);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Add(StringBuilder path, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            path.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
