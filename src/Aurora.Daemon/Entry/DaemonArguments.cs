using System.Collections.Immutable;

namespace Aurora.Daemon.Entry;

/// The daemon's command line, after `aurora-daemon` or `aurora daemon`: `-f FILE` (repeatable, in order),
/// `--log FILE` (stdout and stderr appended there), `--profile NAME` (repeatable). Written (ToArgs, by `up -d`)
/// and read (Parse, by both executables) here only, so the two cannot drift apart.
public sealed record DaemonArguments(ImmutableArray<string> Files, string? Log, ImmutableArray<string> Profiles)
{
    public const string Usage = "usage: aurora-daemon [-f FILE]... [--log FILE] [--profile NAME]... (what `aurora up -d` starts)";

    public IEnumerable<string> ToArgs() =>
    [
        .. Files.SelectMany(f => new[] { "-f", f }),
        .. Log is null ? [] : new[] { "--log", Log },
        .. Profiles.SelectMany(p => new[] { "--profile", p }),
    ];

    /// The arguments, or null and what is wrong with them. Values come as the next argument or after `=`.
    public static DaemonArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var files = ImmutableArray.CreateBuilder<string>();
        var profiles = ImmutableArray.CreateBuilder<string>();
        string? log = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith('-') ? (n, v) : (args[i], null);
            if (name is not ("-f" or "--file" or "--log" or "--profile"))
            {
                error = $"unknown argument '{args[i]}'";
                return null;
            }

            if ((inline ?? (i + 1 < args.Count ? args[++i] : null)) is not { } value)
            {
                error = $"{name} needs a value";
                return null;
            }

            switch (name)
            {
                case "--log":
                    log = value;
                    break;
                case "--profile":
                    profiles.Add(value);
                    break;
                default:
                    files.Add(value);
                    break;
            }
        }

        error = null;
        return new DaemonArguments(files.ToImmutable(), log, profiles.ToImmutable());
    }
}
