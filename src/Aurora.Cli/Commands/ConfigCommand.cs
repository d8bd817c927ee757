using System.CommandLine;

namespace Aurora.Cli.Commands;

/// `aurora config [--json]`: the config as Aurora reads it, every `-f` merged and every `${VAR}` interpolated, with
/// secrets masked. Local: no daemon is needed. A config with errors prints them (exit 2) and no document.
internal static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Print the merged, interpolated config (secrets masked)") { CliOptions.Json };
        CommandRunner.SetAction(command, (parse, _) =>
        {
            if (ConfigGate.Read(ProjectLocator.ConfigPaths(parse)) is not { Config: not null, Document: { } document })
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            Console.Out.Write(parse.GetValue(CliOptions.Json) ? document.ToJson() : document.ToYaml());
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
