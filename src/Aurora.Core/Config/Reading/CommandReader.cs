using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Aurora.Core.Config.Reading;

/// `command` (argv or string) and `shell: true`, which runs the string via /bin/sh -c.
internal static class CommandReader
{
    public static (ImmutableArray<string> Command, bool Shell) Read(YamlMap service, Mark nameAt, string workingDirectory, ReadContext ctx)
    {
        var shell = service.Bool("shell", false);
        var node = service.Get("command");
        var path = service.PathOf("command");
        if (node is null && service.WasSuggested("command"))
        {
            return ([], shell);
        }

        if (node is null)
        {
            var problem = service.Has("command") ? "has no value" : "required key is missing";
            ctx.Bag.Error(service.KeyNode("command")?.Start ?? nameAt, path,
                $"{problem}; add the program to run, e.g. command: \"python3 app.py\"");
            return ([], shell);
        }

        if (shell)
        {
            if (node is not YamlScalarNode { Value: { Length: > 0 } text } || text.Trim().Length == 0)
            {
                ctx.Bag.Error(node.Start, path, "must be a non-empty string when shell: true; it is run as /bin/sh -c STRING");
                return ([], shell);
            }

            return (["/bin/sh", "-c", text], shell);
        }

        if (ArgvReader.Read(node, path, ctx.Bag, ArgvReader.ShellHintForCommand) is not { } argv)
        {
            return ([], shell);
        }

        CommandCheck.Warn(argv[0], workingDirectory, node.Start, path, ctx);
        return (argv, shell);
    }

    /// `install`: optional, same shapes as command, never shell.
    public static ImmutableArray<string> ReadInstall(YamlMap service, string workingDirectory, ReadContext ctx)
    {
        if (service.Get("install") is not { } node ||
            ArgvReader.Read(node, service.PathOf("install"), ctx.Bag, ArgvReader.ShellHintForArgv) is not { } argv)
        {
            return [];
        }

        CommandCheck.Warn(argv[0], workingDirectory, node.Start, service.PathOf("install"), ctx);
        return argv;
    }
}
