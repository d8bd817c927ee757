using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// permission_denied: give the service's own script, or a tool of the project that the evidence names (a start
/// script calling ./bin/migrate), back its execute bit — only a regular file that really is inside the project
/// (a link is followed to see where it leads, and a script that leads out of the project is left alone), and
/// only the x bits matching its r bits.
public sealed class RestoreExecBitFix : IFix
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public string Name => "restore_exec_bit";

    public string Cause => Causes.PermissionDenied;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => true;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context)
    {
        var scope = new ProjectScope(context.ProjectDirectory);
        return [.. Targets(context).Select(scope.Relative)];
    }

    public (bool Applies, string Reason) Check(FixContext context) =>
        Targets(context).Count > 0
            ? (true, "")
            : (false, $"neither {context.Service.Command[0]} nor a file the evidence names is a script inside the project that lacks its execute bit");

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        // Resolved again: a script may have been swapped for a link since the check.
        var targets = Targets(context);
        if (targets.Count == 0)
        {
            return Task.FromResult(FixResult.Failed("no script inside the project lacks its execute bit any more"));
        }

        var scope = new ProjectScope(context.ProjectDirectory);
        foreach (var path in targets)
        {
            var mode = FileNode.Of(path).Mode;
            var add = UnixFileMode.UserExecute;
            add |= mode.HasFlag(UnixFileMode.GroupRead) ? UnixFileMode.GroupExecute : 0;
            add |= mode.HasFlag(UnixFileMode.OtherRead) ? UnixFileMode.OtherExecute : 0;
            File.SetUnixFileMode(path, mode | add);
        }

        return Task.FromResult(FixResult.Ok($"chmod +x {string.Join(' ', targets.Select(scope.Relative))}"));
    }

    /// The files to give their execute bit back: the service's own program and every file the evidence names
    /// as denied (a start script's tool, say), each with every link resolved, inside the project, a regular
    /// file without any execute bit.
    private static List<string> Targets(FixContext context)
    {
        var root = ProjectBounds.RealRoot(context.ProjectDirectory);
        var named = PermissionDeniedClassifier.NamedPaths(context.Verdict.Evidence).Concat(context.Verdict.Paths);
        var candidates = new[] { context.Service.Command[0] }.Where(p => p.Contains('/')).Concat(named);
        var targets = new List<string>();
        foreach (var candidate in candidates)
        {
            var full = ProjectBounds.Resolve(Path.GetFullPath(candidate, context.Service.WorkingDirectory));
            if (full.StartsWith(root + "/", StringComparison.Ordinal) && FileNode.Of(full) is { Type: NodeType.File } node
                && (node.Mode & AnyExecute) == 0 && !targets.Contains(full))
            {
                targets.Add(full);
            }
        }

        return targets;
    }
}
