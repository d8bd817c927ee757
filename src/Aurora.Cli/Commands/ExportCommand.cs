using System.Collections.Immutable;
using System.CommandLine;
using Aurora.Cli.Output;
using Aurora.Porting.Export;

namespace Aurora.Cli.Commands;

/// `aurora export systemd|compose|kubernetes [-o DIR] [--image NAME=REF]... [--workdir DIR] [--wait-image REF]`:
/// writes the stack in another tool's terms, then lists what it could not carry and why. A config with errors is
/// refused with its errors (exit 2), as `validate` reports them.
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Argument<string>("format") { Description = "systemd, compose or kubernetes" };
        format.AcceptOnlyFromAmong("systemd", "compose", "kubernetes");
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Where to write the files (default: this directory)" };
        var images = new Option<string[]>("--image")
        {
            Description = "NAME=REF: the image service NAME runs in (compose, kubernetes; repeat per service; a service without one is not exported)",
        };
        var workDir = new Option<string?>("--workdir") { Description = "Where the project directory is inside the images, so each service's cwd is carried over" };
        var waitImage = new Option<string?>("--wait-image")
        {
            Description = $"The image of the init containers that wait for a dependency (kubernetes; needs sh and nc; default {ExportOptions.DefaultWaitImage})",
        };
        var command = new Command("export", "Write the stack as systemd units, a compose.yaml or Kubernetes manifests")
        {
            format, output, images, workDir, waitImage,
        };
        CommandRunner.SetAction(command, (parse, _) =>
        {
            var paths = ProjectLocator.ConfigPaths(parse);
            if (ConfigGate.Load(paths, profiles: ProjectLocator.Profiles(parse)) is not { } config)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            if (ParseImages(parse.GetValue(images) ?? [], config) is not { } imageMap)
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            var directory = parse.GetValue(output)?.FullName ?? Directory.GetCurrentDirectory();
            var options = new ExportOptions(directory)
            {
                Images = imageMap,
                Profiles = [.. ProjectLocator.Profiles(parse)],
                WorkDir = parse.GetValue(workDir),
                WaitImage = parse.GetValue(waitImage) ?? ExportOptions.DefaultWaitImage,
            };
            var result = Exporter.Export(Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true), config, options);
            return Task.FromResult(Write(result, directory));
        });
        return command;
    }

    private static int Write(ExportResult result, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var file in result.Files)
            {
                var path = Path.Combine(directory, file.Name);
                File.WriteAllText(path, file.Text);
                Console.WriteLine($"wrote {path}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Terminal.Error($"cannot write to {directory}: {e.Message}");
            return ExitCodes.Failed;
        }

        if (!result.Omissions.IsEmpty)
        {
            Console.WriteLine();
            Console.WriteLine("not exported (or not exactly), and why:");
            foreach (var omission in result.Omissions)
            {
                Console.WriteLine($"  {omission}");
            }
        }

        return ExitCodes.Ok;
    }

    private static ImmutableDictionary<string, string>? ParseImages(string[] values, Aurora.Core.Config.AuroraConfig config)
    {
        var map = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? value[..eq] : "";
            if (eq <= 0 || eq == value.Length - 1)
            {
                Terminal.Error($"--image {value}: give NAME=REF, e.g. --image api=registry.example.com/api:1.4");
                return null;
            }

            if (config.Declared.All(s => s.Name != name))
            {
                Terminal.Error($"--image {value}: there is no service {name}; the services are {string.Join(", ", config.Declared.Select(s => s.Name))}");
                return null;
            }

            map[name] = value[(eq + 1)..];
        }

        return map.ToImmutable();
    }
}
