using YamlDotNet.RepresentationModel;

namespace Aurora.Porting.Import.Compose;

/// A Compose file (compose.yaml, docker-compose.yml): the services that run a command become Aurora services; one
/// that only names an image (or a build) runs a command the file does not name, and is listed as not convertible.
/// Compose interpolates `${VAR}` as Aurora does, so values are carried as they are written. Extension keys (`x-…`)
/// are ignored, at the top level and in a service.
public static class ComposeImporter
{
    public static List<ImportedService> Convert(string text, ImportContext ctx)
    {
        var root = YamlTree.Load(text, ctx.SourceFile);
        if (YamlTree.Map(root, "services") is not { } services)
        {
            throw new ImportException($"{Path.GetFileName(ctx.SourceFile)}: no services: mapping");
        }

        var entries = YamlTree.Entries(services).ToList();
        var convertible = entries.Where(e => RunsCommand(e.Value)).ToList();
        foreach (var (name, value) in entries.Where(e => !RunsCommand(e.Value)))
        {
            var image = YamlTree.Text(value, "image");
            ctx.NotConvertible(name, image is not null
                ? $"it only names the image {image}, whose own command the file does not give; add a command: to run it on this host"
                : "it has no command: (it runs its build's default command, which the file does not give)");
        }

        // Names first, so that a dependency on a service further down the file finds its Aurora name.
        var named = convertible.Select(e => (Name: ctx.Names.Add(e.Key), e.Key, e.Value)).ToList();
        var ports = new HashSet<int>();
        return [.. named.Select(e => ComposeService.Convert(e.Name, e.Key, e.Value, ctx, ports))];
    }

    private static bool RunsCommand(YamlNode service) =>
        YamlTree.Strings(YamlTree.Get(service, "command")) is { Count: > 0 } || YamlTree.Strings(YamlTree.Get(service, "entrypoint")) is { Count: > 0 };
}
