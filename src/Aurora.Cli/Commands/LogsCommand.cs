using System.CommandLine;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;

namespace Aurora.Cli.Commands;

/// `aurora logs NAME [-f] [-n N]`: the tail of the service's log, then (with -f) every new line, across rotation.
internal static class LogsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Service name" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new lines" };
        var lines = new Option<int>("--lines", "-n") { Description = "How many lines of the tail", DefaultValueFactory = _ => 50 };
        var command = new Command("logs", "Show a service's output") { name, follow, lines };
        CommandRunner.SetAction(command, async (parse, ct) =>
        {
            using var client = new ControlClient(ProjectLocator.Paths(parse), Timeout.InfiniteTimeSpan);
            var service = Uri.EscapeDataString(parse.GetValue(name)!);
            var n = Math.Max(0, parse.GetValue(lines));
            if (!parse.GetValue(follow))
            {
                var logs = await client.GetAsync($"/api/v1/services/{service}/logs?tail={n}", AuroraJsonContext.Default.LogsDto, ct);
                foreach (var line in logs.Lines)
                {
                    Console.Out.WriteLine(line);
                }

                return ExitCodes.Ok;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/services/{service}/logs?tail={n}&follow=true");
            using var response = await client.SendAsync(request, ct, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            try
            {
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    Console.Out.WriteLine(line);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The daemon went away.
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
