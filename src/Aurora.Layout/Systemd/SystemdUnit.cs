using System.Globalization;
using System.Text;
using Aurora.Core;
using Aurora.Core.Config;
using Aurora.Core.Graph;

namespace Aurora.Layout;

/// The systemd unit `aurora startup` writes for one project (issue 18): `Type=notify`, `KillMode=process`,
/// `Delegate=yes`, a watchdog, and the daemon run in the foreground.
public static class SystemdUnit
{
    /// The first line of every unit Aurora writes: how `--uninstall` and `--force` tell its own from another.
    public const string Marker = "# Written by `aurora startup`";

    public const string SystemDirectory = "/etc/systemd/system";

    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);

    // systemd's own default stop timeout; a project whose stop chain is longer gets more.
    private static readonly TimeSpan MinimumStopTimeout = TimeSpan.FromSeconds(90);

    /// `aurora-NAME-HASH.service`: NAME from the directory's name (what a unit name may hold), HASH from its
    /// absolute path (the same hash as the project's AURORA_TAG), so two checkouts named alike do not clash.
    public static string NameFor(string projectDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectDirectory));
        var name = new StringBuilder();
        foreach (var c in Path.GetFileName(full))
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
            if (keep || (name.Length > 0 && name[^1] != '-'))
            {
                name.Append(keep ? c : '-');
            }
        }

        var text = name.ToString().Trim('-', '.');
        text = text.Length == 0 ? "project" : text[..Math.Min(text.Length, 64)].TrimEnd('-', '.');
        return $"aurora-{text}-{StableHash.Hex(full, 8)}.service";
    }

    /// ~/.config/systemd/user (or under $XDG_CONFIG_HOME), where the user's manager looks first.
    public static string UserDirectory(Func<string, string?> environment)
    {
        var config = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "systemd", "user");
    }

    /// Long enough for `aurora down` to finish: each service stops after its dependents, so the longest chain
    /// of stop timeouts, plus the grace for requests still in flight and some slack.
    public static TimeSpan StopTimeoutFor(AuroraConfig config)
    {
        var graph = new DependencyGraph(config.Services);
        var chain = new Dictionary<string, TimeSpan>();
        foreach (var name in graph.StartOrder.Reverse())
        {
            var after = graph.DependentsOf(name).Select(d => chain[d]).DefaultIfEmpty(TimeSpan.Zero).Max();
            chain[name] = config.Find(name)!.Stop.Timeout + after;
        }

        var longest = chain.Values.DefaultIfEmpty(TimeSpan.Zero).Max() + TimeSpan.FromSeconds(20);
        return TimeSpan.FromSeconds(Math.Ceiling(Math.Max(longest.TotalSeconds, MinimumStopTimeout.TotalSeconds)));
    }

    public static string Render(SystemdUnitSpec spec)
    {
        var name = NameFor(spec.ProjectDirectory);
        var run = string.Join(' ', [SystemdSyntax.Executable(spec.Executable[0]), .. spec.Executable.Skip(1).Select(SystemdSyntax.Argument)]);
        var config = string.Join(' ', spec.ConfigFiles.Select(f => "-f " + SystemdSyntax.Argument(f)));
        var lines = new List<string>
        {
            $"{Marker} for {spec.ProjectDirectory}: its stack, at boot.",
            "# Run it again after moving the project or changing stop timeouts; add settings of your own with",
            $"# `systemctl{(spec.UserUnit ? " --user" : "")} edit {name}`, which keeps them beside this file.",
            "#",
            "# ExecStart is `aurora daemon`, what `aurora up -d` runs in the background: `aurora up` in the foreground",
            "# without the terminal's live view and without the dashboard link (its token would land in the journal).",
            "# Its events go to the journal, one line each.",
            "[Unit]",
            $"Description=Aurora: the services of {SystemdSyntax.Value(spec.ProjectDirectory)}",
        };
        if (!spec.UserUnit)
        {
            lines.AddRange(["After=network-online.target", "Wants=network-online.target"]);
        }

        lines.AddRange(
        [
            "",
            "[Service]",
            "# READY=1 once every service is up, completed or failed; STATUS= says how many of each as it changes.",
            "Type=notify",
            "# The daemon that replaces this one (`aurora daemon restart`) announces itself with MAINPID= from its own pid.",
            "NotifyAccess=all",
            $"ExecStart={run} daemon {config}",
            $"ExecReload={run} reload {config}",
            $"WorkingDirectory={SystemdSyntax.Value(spec.ProjectDirectory)}",
        ]);
        if (spec.RunAs is { } user)
        {
            lines.Add($"User={user}");
        }

        if (spec.SearchPath is { } path)
        {
            lines.Add($"Environment={SystemdSyntax.Assignment("PATH", path)}");
        }

        lines.AddRange(
        [
            "# The daemon's small GC budget, as `aurora up -d` gives it (not passed on to the services).",
            $"Environment={DaemonEnvironment.Gen0Size}={DaemonEnvironment.Gen0Budget} {DaemonEnvironment.Injected}={DaemonEnvironment.Gen0Size}",
            $"SyslogIdentifier={name[..^".service".Length]}",
            "# SIGTERM goes to the daemon alone, which stops the services itself in reverse dependency order; a daemon",
            "# that dies, or that systemd restarts, leaves them to the next one, which finds them by their AURORA_TAG.",
            "KillMode=process",
            "# The resource guard gives each service a cgroup of its own below the unit's.",
            "Delegate=yes",
            "# WATCHDOG=1 every half of it. Until READY=1 each ping also extends the start timeout: a live daemon is",
            "# given the time its stack needs to settle, a hung one is not.",
            $"WatchdogSec={(int)Watchdog.TotalSeconds}s",
            "TimeoutStartSec=90s",
            "# The longest chain of stop timeouts (each service stops after its dependents), plus slack.",
            $"TimeoutStopSec={((int)spec.StopTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "Restart=on-failure",
            "RestartSec=2s",
            "",
            "[Install]",
            $"WantedBy={(spec.UserUnit ? "default.target" : "multi-user.target")}",
        ]);
        return string.Join('\n', lines) + "\n";
    }
}
