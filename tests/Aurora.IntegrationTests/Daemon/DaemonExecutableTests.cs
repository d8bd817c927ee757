using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Daemon.Entry;
using Aurora.IntegrationTests.Adoption;

namespace Aurora.IntegrationTests.Daemon;

/// `up -d` runs the daemon from the small `aurora-daemon` executable built beside `aurora` (src/Aurora.DaemonBin), not
/// the whole CLI binary: the daemon runs for as long as the project does, and native AOT expands the type data of
/// everything in its binary at start. Without it, `aurora daemon` runs the same code with the same arguments.
public sealed class DaemonExecutableTests
{
    [Fact(Timeout = 120000)]
    public async Task Up_detached_runs_the_aurora_daemon_executable_and_a_restart_re_executes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DetachedProject.UpWithOneSleeperAsync(ct);
        var paths = project.Project.Paths;
        var pid = project.DaemonPid;
        var executable = Path.Combine(Path.GetDirectoryName(AuroraBinary.Path)!, DaemonCommandLine.FileName);
        Assert.Equal([executable, "-f", project.Project.ConfigPath, "--log", paths.DaemonLog], ProcessTable.CommandLine(pid));

        var restart = await project.Project.Cli(ct, "daemon", "restart");
        Assert.True(restart.ExitCode == 0, restart.Output);
        Assert.Equal(pid, project.DaemonPid);
        Assert.Equal([executable, "-f", project.Project.ConfigPath, "--log", paths.DaemonLog], ProcessTable.CommandLine(pid));
        Assert.Equal(0, (await project.Project.Cli(ct, "down")).ExitCode);
    }

    [Fact(Timeout = 180000)]
    public async Task Up_detached_runs_aurora_daemon_when_no_aurora_daemon_was_built_beside_aurora()
    {
        var ct = TestContext.Current.CancellationToken;
        var build = Directory.CreateTempSubdirectory("aurora-no-daemon-exe-").FullName;
        try
        {
            var aurora = CopyBuildWithoutDaemonExecutable(build);
            await using var project = DetachedProject.Create("""
                services:
                  a:
                    command: ["sleep", "1000"]
                """);
            var up = await project.Project.CliOf(aurora, ct, "up", "-d", "--profile", "extra");
            Assert.True(up.ExitCode == 0, up.Output);
            var paths = project.Project.Paths;
            Assert.Equal([aurora, "daemon", "-f", project.Project.ConfigPath, "--log", paths.DaemonLog, "--profile", "extra"],
                ProcessTable.CommandLine(project.DaemonPid));
            await project.WaitForEventsAsync(0, e => e.Type == EventTypes.ServiceStarted, 1, ct);
            Assert.NotNull((await project.StatusAsync(ct)).Services.Single().Pid);
            Assert.Equal(0, (await project.Project.CliOf(aurora, ct, "down")).ExitCode);
        }
        finally
        {
            Directory.Delete(build, recursive: true);
        }
    }

    [Fact]
    public void The_daemon_command_line_is_aurora_daemon_beside_aurora_else_aurora_daemon()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-daemon-command-").FullName;
        try
        {
            var arguments = new DaemonArguments(["/p/aurora.yaml"], "/p/.aurora/daemon.log", []);
            var self = System.Collections.Immutable.ImmutableArray.Create(Path.Combine(dir, "aurora"));
            Assert.Equal([self[0], "daemon", "-f", "/p/aurora.yaml", "--log", "/p/.aurora/daemon.log"], DaemonCommandLine.For(self, dir, arguments));

            File.WriteAllText(Path.Combine(dir, DaemonCommandLine.FileName), "");
            Assert.Equal([Path.Combine(dir, DaemonCommandLine.FileName), "-f", "/p/aurora.yaml", "--log", "/p/.aurora/daemon.log"],
                DaemonCommandLine.For(self, dir, arguments));

            var hosted = System.Collections.Immutable.ImmutableArray.Create("/usr/bin/dotnet", Path.Combine(dir, "aurora.dll"));
            Assert.Equal([.. hosted, "daemon", "-f", "/p/aurora.yaml", "--log", "/p/.aurora/daemon.log"], DaemonCommandLine.For(hosted, dir, arguments));
            File.WriteAllText(Path.Combine(dir, DaemonCommandLine.FileName + ".dll"), "");
            Assert.Equal(["/usr/bin/dotnet", Path.Combine(dir, DaemonCommandLine.FileName + ".dll"), "-f", "/p/aurora.yaml", "--log", "/p/.aurora/daemon.log"],
                DaemonCommandLine.For(hosted, dir, arguments));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// The build output beside the real `aurora`, less `aurora-daemon` (its apphost, dll and runtime files).
    private static string CopyBuildWithoutDaemonExecutable(string to)
    {
        var from = Path.GetDirectoryName(AuroraBinary.Path)!;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith(DaemonCommandLine.FileName, StringComparison.Ordinal) || name.EndsWith(".pdb", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }

        return Path.Combine(to, "aurora");
    }
}
