using System.Collections.Immutable;
using System.CommandLine;
using Aurora.Cli.Output;
using Aurora.Layout;

namespace Aurora.Cli.Commands;

/// `aurora startup [--user] [--print] [--uninstall] [--force] [--unit-dir DIR]`: the systemd unit that brings this
/// project's stack up at boot (SystemdUnit). It writes, prints or removes the file and prints the systemctl lines
/// to run; it runs none of them itself.
internal static class StartupCommand
{
    public static Command Create()
    {
        var user = new Option<bool>("--user") { Description = "A unit for your own systemd (~/.config/systemd/user) instead of the system's" };
        var print = new Option<bool>("--print") { Description = "Print the unit (or, with --uninstall, what would be removed) and change nothing" };
        var uninstall = new Option<bool>("--uninstall") { Description = "Remove this project's unit" };
        var force = new Option<bool>("--force") { Description = "Replace (or remove) a unit file that differs from the one Aurora would write" };
        var dir = new Option<DirectoryInfo?>("--unit-dir") { Description = "Write the unit there instead (default /etc/systemd/system, or ~/.config/systemd/user with --user)" };
        var command = new Command("startup", "Start this project's stack at boot: a systemd unit (Type=notify)") { user, print, uninstall, force, dir };
        CommandRunner.SetAction(command, (parse, _) =>
        {
            var configPaths = ProjectLocator.ConfigPaths(parse);
            var userUnit = parse.GetValue(user);
            var unitDir = parse.GetValue(dir)?.FullName ?? (userUnit ? SystemdUnit.UserDirectory(Environment.GetEnvironmentVariable) : SystemdUnit.SystemDirectory);
            var target = new Target(SystemdUnit.NameFor(Path.GetDirectoryName(configPaths[0])!), unitDir, userUnit);
            try
            {
                return Task.FromResult(parse.GetValue(uninstall)
                    ? Uninstall(target, parse.GetValue(print), parse.GetValue(force))
                    : Install(configPaths, target, parse.GetValue(print), parse.GetValue(force)));
            }
            catch (UnauthorizedAccessException)
            {
                Terminal.Error($"cannot write {unitDir}: permission denied. A system unit needs root; keep your PATH for the services with");
                Console.Error.WriteLine($"  sudo env PATH=\"$PATH\" {string.Join(' ', Executable())} startup {string.Join(' ', configPaths.Select(p => "-f " + p))}{(parse.GetValue(uninstall) ? " --uninstall" : "")}");
                Console.Error.WriteLine("or make a unit of your own with --user");
                return Task.FromResult(ExitCodes.Failed);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException)
            {
                Terminal.Error(ex.Message);
                return Task.FromResult(ExitCodes.Failed);
            }
        });
        return command;
    }

    private static int Install(IReadOnlyList<string> configPaths, Target target, bool print, bool force)
    {
        if (ConfigGate.Load(configPaths) is not { } config)
        {
            return ExitCodes.Usage;
        }

        var owner = FileOwner.Uid(config.ProjectDirectory);
        var runAs = target.UserUnit || owner is null or 0 ? null : FileOwner.UserName(owner.Value);
        var text = SystemdUnit.Render(new SystemdUnitSpec(config.ProjectDirectory, config.Files, Executable(), target.UserUnit, runAs,
            Environment.GetEnvironmentVariable("PATH"), SystemdUnit.StopTimeoutFor(config)));
        if (print)
        {
            // The unit alone on stdout, so `aurora startup --print > FILE` is the very file; the advice on stderr.
            Console.Out.Write(text);
            Console.Error.WriteLine($"aurora: save it as {target.Path}, then run:");
            Console.Error.WriteLine(EnableLines(target));
            return ExitCodes.Ok;
        }

        var runs = $"runs `aurora daemon` for {config.ProjectDirectory}{(runAs is null ? "" : $" as {runAs}")}";
        switch (SystemdUnitFile.Write(target.Path, text, force))
        {
            case UnitWrite.RefusedDifferent:
                Terminal.Error($"{target.Path} exists and is not the unit this project would get; compare them with "
                    + $"`aurora startup{(target.UserUnit ? " --user" : "")} --print | diff {target.Path} -`, or replace it with --force");
                return ExitCodes.Failed;
            case UnitWrite.Unchanged:
                Console.WriteLine($"aurora: {target.Path} is already installed and unchanged ({runs})");
                break;
            case UnitWrite.Replaced:
                Console.WriteLine($"aurora: replaced {target.Path} ({runs}); a running stack keeps the old settings until `{Systemctl(target)} restart {target.Name}`");
                break;
            default:
                Console.WriteLine($"aurora: wrote {target.Path} ({runs})");
                break;
        }

        Console.WriteLine("aurora: to start it now and at every boot, run:");
        Console.WriteLine(EnableLines(target));
        return ExitCodes.Ok;
    }

    private static int Uninstall(Target target, bool print, bool force)
    {
        if (!File.Exists(target.Path))
        {
            Console.WriteLine($"aurora: no unit {target.Name} in {target.Directory}; nothing to remove");
            return ExitCodes.Ok;
        }

        // First, while systemd still has the unit: stop the stack and take it out of the boot.
        Console.WriteLine($"  {Systemctl(target)} disable --now {target.Name}");
        if (print)
        {
            Console.WriteLine($"  rm {target.Path}");
            Console.WriteLine($"  {Systemctl(target)} daemon-reload");
            return ExitCodes.Ok;
        }

        if (SystemdUnitFile.Remove(target.Path, force) == UnitRemoval.RefusedForeign)
        {
            Terminal.Error($"{target.Path} was not written by `aurora startup`; remove it with --force if it is this project's");
            return ExitCodes.Failed;
        }

        Console.WriteLine($"aurora: removed {target.Path}; then run:");
        Console.WriteLine($"  {Systemctl(target)} daemon-reload");
        return ExitCodes.Ok;
    }

    private static string EnableLines(Target target)
    {
        var lines = $"  {Systemctl(target)} daemon-reload\n  {Systemctl(target)} enable --now {target.Name}";
        return target.UserUnit
            ? lines + $"\n  loginctl enable-linger {Environment.UserName}    # so it starts at boot, not at your first login"
            : lines;
    }

    private static string Systemctl(Target target) =>
        target.UserUnit ? "systemctl --user" : Environment.UserName == "root" ? "systemctl" : "sudo systemctl";

    /// This `aurora`, as the unit must run it: the binary's real path (a framework-dependent build runs its dll).
    private static ImmutableArray<string> Executable()
    {
        var self = Environment.ProcessPath ?? throw new IOException("cannot find the aurora executable's path");
        return Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, Path.Combine(AppContext.BaseDirectory, "aurora.dll")] : [self];
    }

    private sealed record Target(string Name, string Directory, bool UserUnit)
    {
        public string Path => System.IO.Path.Combine(Directory, Name);
    }
}
