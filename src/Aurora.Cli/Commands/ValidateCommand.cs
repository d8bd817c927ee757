using System.CommandLine;

namespace Aurora.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Check aurora.yaml and report every problem at once");
        CommandRunner.SetAction(command, (parse, _) =>
        {
            var paths = ProjectLocator.ConfigPaths(parse);
            var config = ConfigGate.Load(paths, profiles: ProjectLocator.Profiles(parse));
            if (config is null)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            Console.WriteLine($"{Aurora.Core.Config.ConfigLoader.Describe(paths)}: ok ({config.Services.Length} service{(config.Services.Length == 1 ? "" : "s")})");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
