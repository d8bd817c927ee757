using System.CommandLine;
using System.Text.Json;
using Aurora.Cli.Output;
using Aurora.Contracts.V1;
using Aurora.Layout;

namespace Aurora.Cli.Commands;

/// `aurora doctor [--json]`: checks every service's prerequisites from the config alone (no daemon needed).
/// Exit 1 when a finding is blocking, 2 for a bad config, else 0 (warnings included).
internal static class DoctorCommand
{
    private const int CheckWidth = 15;

    public static Command Create()
    {
        var command = new Command("doctor",
            "Check prerequisites before a start: commands, cwd, env files, variables, ports, install state, known vulnerabilities")
        {
            CliOptions.Json,
        };
        CommandRunner.SetAction(command, (parse, ct) =>
        {
            var config = ConfigGate.Load(ProjectLocator.ConfigPaths(parse), printWarnings: false, ProjectLocator.Profiles(parse));
            if (config is null)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            var report = HostDoctor.ToDto(HostDoctor.For(config).Run(config));
            if (parse.GetValue(CliOptions.Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report, AuroraJsonContext.Default.DoctorDto));
            }
            else
            {
                Write(report);
            }

            return Task.FromResult(report.Ok ? ExitCodes.Ok : ExitCodes.Failed);
        });
        return command;
    }

    /// One block per service (project-wide findings first), one line per finding with its fix under it.
    private static void Write(DoctorDto report)
    {
        foreach (var group in report.Findings.GroupBy(f => f.Service))
        {
            Console.Out.WriteLine(Terminal.Paint(group.Key ?? "(project)", "1"));
            foreach (var f in group)
            {
                Console.Out.WriteLine($"  {Terminal.Paint(f.Severity.PadRight(8), Colour(f.Severity))} {f.Check.PadRight(CheckWidth)} {f.Message}");
                if (f.Fix is { } fix && f.Severity != "ok")
                {
                    Console.Out.WriteLine($"  {new string(' ', 8 + 1 + CheckWidth)} {Terminal.Paint("fix: " + fix, "90")}");
                }
            }
        }

        var ok = report.Findings.Count - report.Blocking - report.Warnings;
        var blocked = report.Findings.Where(f => f.Severity == "blocking").Select(f => f.Service ?? "the project").Distinct().ToList();
        var verdict = blocked.Count == 0 ? "nothing blocks a start" : $"{string.Join(", ", blocked)} cannot start as configured";
        Console.Out.WriteLine();
        Console.Out.WriteLine($"doctor: {report.Blocking} blocking, {report.Warnings} warning{(report.Warnings == 1 ? "" : "s")}, {ok} ok; {verdict}");
    }

    private static string Colour(string severity) => severity switch
    {
        "blocking" => "31",
        "warning" => "33",
        _ => "32",
    };
}
