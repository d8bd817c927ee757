using System.Collections.Immutable;
using Aurora.Core.Config;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// permission_denied: give the service's own script back its execute bit — only a regular file that
/// really is inside the project (a link is followed to see where it leads, and a script that leads out
/// of the project is left alone), and only the x bits matching its r bits.
public sealed class RestoreExecBitFix : IFix
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public string Name => "restore_exec_bit";

    public string Cause => Causes.PermissionDenied;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => true;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) =>
        Script(context) is { } path ? [new ProjectScope(context.ProjectDirectory).Relative(path)] : [];

    public (bool Applies, string Reason) Check(FixContext context)
    {
        if (Script(context) is not { } path)
        {
            return (false, $"{context.Service.Command[0]} is not a script inside the project");
        }

        return (FileNode.Of(path).Mode & AnyExecute) == 0 ? (true, "") : (false, $"{path} is already executable");
    }

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        // Resolved again: the script may have been swapped for a link since the check.
        if (Script(context) is not { } path)
        {
            return Task.FromResult(FixResult.Failed($"{context.Service.Command[0]} is no longer a script inside the project"));
        }

        var mode = FileNode.Of(path).Mode;
        var add = UnixFileMode.UserExecute;
        add |= mode.HasFlag(UnixFileMode.GroupRead) ? UnixFileMode.GroupExecute : 0;
        add |= mode.HasFlag(UnixFileMode.OtherRead) ? UnixFileMode.OtherExecute : 0;
        File.SetUnixFileMode(path, mode | add);
        return Task.FromResult(FixResult.Ok($"chmod +x {new ProjectScope(context.ProjectDirectory).Relative(path)}"));
    }

    /// The script's real path: every link resolved, inside the project, a regular file.
    private static string? Script(FixContext context)
    {
        var program = context.Service.Command[0];
        if (!program.Contains('/'))
        {
            return null;
        }

        var root = ProjectBounds.RealRoot(context.ProjectDirectory);
        var full = ProjectBounds.Resolve(Path.GetFullPath(program, context.Service.WorkingDirectory));
        return full.StartsWith(root + "/", StringComparison.Ordinal) && FileNode.Of(full).Type == NodeType.File ? full : null;
    }
}
