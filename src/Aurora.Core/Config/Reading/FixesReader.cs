using System.Collections.Immutable;

namespace Aurora.Core.Config.Reading;

/// User-defined remediations: `fixes: [{ cause, run, touches, verify }]`.
internal static class FixesReader
{
    public static readonly string[] Keys = ["cause", "run", "touches", "verify"];

    public static readonly string[] Causes =
    [
        "port_conflict", "missing_dependency", "permission_denied", "out_of_memory", "hang",
        "dependency_unavailable", "disk_full", "crash_loop", "config_error", "unknown",
    ];

    public static ImmutableArray<UserFix> Read(YamlMap service, ReadContext ctx)
    {
        var fixes = ImmutableArray.CreateBuilder<UserFix>();
        foreach (var (node, path) in service.List("fixes") ?? [])
        {
            if (YamlMap.Open(node, path, ctx.Bag, Keys) is not { } map)
            {
                ctx.Bag.Error(node.Start, path, "is empty; give at least cause and run");
                continue;
            }

            var cause = Required(map, "cause") is { } c ? ScalarReader.OneOf(c, map.PathOf("cause"), ctx.Bag, Causes) : null;
            var run = Required(map, "run") is { } r ? ArgvReader.Read(r, map.PathOf("run"), ctx.Bag, ArgvReader.ShellHintForArgv) : null;
            var verify = map.Get("verify") is { } v ? ArgvReader.Read(v, map.PathOf("verify"), ctx.Bag, ArgvReader.ShellHintForArgv) : null;
            var touches = ReadTouches(map, ctx);
            if (cause is not null && run is not null)
            {
                fixes.Add(new UserFix(cause, run.Value, touches, verify ?? []));
            }
        }

        return fixes.ToImmutable();
    }

    private static YamlDotNet.RepresentationModel.YamlNode? Required(YamlMap map, string key)
    {
        var node = map.Get(key);
        if (node is null)
        {
            map.Bag.Error(map.Node.Start, map.PathOf(key), $"required key is missing; every fix needs cause and run");
        }

        return node;
    }

    /// Paths a fix may change, kept relative as written; they must stay inside the project where they
    /// really are (links resolved), and may be neither the project itself nor `.aurora/`.
    private static ImmutableArray<string> ReadTouches(YamlMap map, ReadContext ctx)
    {
        var touches = ImmutableArray.CreateBuilder<string>();
        var root = ProjectBounds.RealRoot(ctx.ProjectDirectory);
        foreach (var (node, path) in map.List("touches") ?? [])
        {
            if (ScalarReader.Text(node, path, ctx.Bag, "a relative path") is not { } text)
            {
                continue;
            }

            if (Path.IsPathRooted(text))
            {
                ctx.Bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} is absolute; use a path relative to the project directory");
            }
            else if (ProjectBounds.Refusal(root, Path.GetFullPath(text, ctx.ProjectDirectory), "fixes") is { } refusal)
            {
                ctx.Bag.Error(node.Start, path, $"{YamlNodes.Quote(text)} {refusal}");
            }
            else
            {
                touches.Add(text);
            }
        }

        return touches.ToImmutable();
    }
}
