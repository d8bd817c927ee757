using System.Collections.Immutable;
using Aurora.Core.Diagnosis;
using Aurora.Core.Supervision;

namespace Aurora.Core.Healing;

/// permission_denied: give the service's own script back its execute bit — only a file inside the project
/// that is the service's command, and only the x bits matching its r bits.
public sealed class RestoreExecBitFix : IFix
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public string Name => "restore_exec_bit";

    public string Cause => Causes.PermissionDenied;

    public bool IsUserDefined => false;

    public bool HoldsServiceDown => true;

    public ImmutableArray<string> Verify => [];

    public ImmutableArray<string> Touches(FixContext context) =>
        Script(context) is { } path ? [Path.GetRelativePath(context.ProjectDirectory, path)] : [];

    public (bool Applies, string Reason) Check(FixContext context)
    {
        if (Script(context) is not { } path)
        {
            return (false, $"{context.Service.Command[0]} is not a script inside the project");
        }

        return (File.GetUnixFileMode(path) & AnyExecute) == 0 ? (true, "") : (false, $"{path} is already executable");
    }

    public Task<FixResult> ApplyAsync(FixContext context, CancellationToken ct)
    {
        var path = Script(context)!;
        var mode = File.GetUnixFileMode(path);
        var add = UnixFileMode.UserExecute;
        add |= mode.HasFlag(UnixFileMode.GroupRead) ? UnixFileMode.GroupExecute : 0;
        add |= mode.HasFlag(UnixFileMode.OtherRead) ? UnixFileMode.OtherExecute : 0;
        File.SetUnixFileMode(path, mode | add);
        return Task.FromResult(FixResult.Ok($"chmod +x {Path.GetRelativePath(context.ProjectDirectory, path)}"));
    }

    private static string? Script(FixContext context)
    {
        var program = context.Service.Command[0];
        if (!program.Contains('/'))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(context.Service.WorkingDirectory, program));
        var root = Path.GetFullPath(context.ProjectDirectory).TrimEnd('/') + "/";
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }
}
