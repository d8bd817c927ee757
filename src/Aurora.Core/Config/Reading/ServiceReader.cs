using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// Reads one entry of `services:`; every section reports its own problems and falls back to its default.
internal static partial class ServiceReader
{
    public static readonly string[] Keys =
    [
        "command", "shell", "cwd", "env", "env_file", "ports", "depends_on", "health", "restart", "stop",
        "limits", "logs", "on_dependency_failure", "install", "fixes", "umask", "ready", "success_exit_codes", "replicas",
        "profiles", "schedule", "watch",
    ];

    private static readonly (string, DependencyFailureAction)[] FailureActions =
    [
        ("stop", DependencyFailureAction.Stop),
        ("keep", DependencyFailureAction.Keep),
        ("restart", DependencyFailureAction.Restart),
    ];

    public static ParsedService Read(YamlScalarNode nameNode, YamlNode value, ReadContext ctx)
    {
        var name = nameNode.Value!;
        var path = KeyPath.Child("services", name);
        if (!NamePattern().IsMatch(name))
        {
            ctx.Bag.Error(nameNode.Start, path,
                $"{YamlNodes.Quote(name)} is not a valid service name; use lowercase letters, digits, - and _, starting with a letter or digit");
        }

        var map = YamlMap.Open(value, path, ctx.Bag, Keys);
        if (map is null && !YamlNodes.IsNull(value))
        {
            // Not a mapping (already reported): keep the name so dependents don't also fail.
            return new ParsedService(Placeholder(name, ctx), nameNode.Start, true, [], []);
        }

        // `api:` with nothing under it still gets a "command is missing" error, at the name.
        map ??= YamlMap.Open(new YamlMappingNode(), path, ctx.Bag, Keys)!;
        var cwd = ReadWorkingDirectory(map, ctx);
        var (command, shell) = CommandReader.Read(map, nameNode.Start, cwd, ctx);
        var (environment, envFile) = EnvironmentReader.Read(map, ctx);
        var (ports, portTemplates) = PortsReader.Read(map);
        var dependencies = DependsOnReader.Read(map);
        var config = new ServiceConfig(
            name,
            command,
            shell,
            cwd,
            environment,
            envFile,
            [.. ports.Select(p => p.Port)],
            [.. dependencies.Select(d => d.Dependency)],
            HealthReader.Read(map, cwd, ctx),
            RestartReader.Read(map),
            StopReader.Read(map),
            LimitsReader.Read(map),
            LogsReader.Read(map),
            map.Choice("on_dependency_failure", DependencyFailureAction.Stop, FailureActions),
            CommandReader.ReadInstall(map, cwd, ctx),
            FixesReader.Read(map, ctx),
            UmaskReader.Read(map))
        {
            Ready = ReadyReader.Read(map),
            SuccessExitCodes = InstancesReader.SuccessExitCodes(map),
            Replicas = InstancesReader.Replicas(map),
            Profiles = InstancesReader.Profiles(map),
            Schedule = ScheduleReader.Read(map),
            Watch = WatchReader.Read(map),
            PortTemplates = [.. portTemplates.Select(p => p.Template!)],
        };
        return new ParsedService(config, nameNode.Start, map.Has("health"), dependencies, ports) { PortTemplates = portTemplates };
    }

    private static ServiceConfig Placeholder(string name, ReadContext ctx) =>
        new(name, [], false, ctx.ProjectDirectory, System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, null, [], [], null, RestartConfig.Default, StopConfig.Default,
            ResourceLimits.None, LogConfig.Default, DependencyFailureAction.Stop, [], []);

    private static string ReadWorkingDirectory(YamlMap map, ReadContext ctx)
    {
        if (map.String("cwd") is not { } relative)
        {
            return ctx.ProjectDirectory;
        }

        var full = Path.GetFullPath(Path.Combine(ctx.ProjectDirectory, relative));
        if (!Directory.Exists(full))
        {
            ctx.Bag.Error(map.Get("cwd")!.Start, map.PathOf("cwd"),
                $"{YamlNodes.Quote(relative)} is not an existing directory (looked for {full}); create it or fix the path");
        }

        return full;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
