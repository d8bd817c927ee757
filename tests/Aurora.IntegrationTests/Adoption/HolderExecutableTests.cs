using System.Collections.Immutable;
using Aurora.Core.Processes;
using Aurora.Daemon.Entry;

namespace Aurora.IntegrationTests.Adoption;

/// The holder runs the small `aurora-holder` executable built beside `aurora` (src/Aurora.Holder), not the whole
/// CLI binary: it outlives every daemon, so what it maps stays resident for as long as the services run.
public sealed class HolderExecutableTests
{
    [Fact(Timeout = 120000)]
    public async Task The_daemon_starts_its_holder_from_the_holder_executable_beside_aurora()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = await DetachedProject.UpWithOneSleeperAsync(ct);
        var holder = Assert.Single(project.Holders());

        var argv = ProcessTable.CommandLine(holder)!;
        Assert.Equal(Path.Combine(Path.GetDirectoryName(AuroraBinary.Path)!, HolderCommand.FileName), argv[0]);
        var service = (await project.StatusAsync(ct)).Services.Single().Pid!.Value;
        Assert.Equal(holder, ProcessTable.Read(service)!.ParentPid);
        Assert.Equal(0, (await project.Project.Cli(ct, "down")).ExitCode);
        await DetachedProject.HoldersGoneAsync(project, ct);
    }

    [Fact]
    public void The_holder_command_is_the_holder_executable_beside_this_one_when_there_is_one()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-holder-command-").FullName;
        try
        {
            var self = ImmutableArray.Create(Path.Combine(dir, "aurora"));
            Assert.Equal(self, HolderCommand.For(self, dir));

            File.WriteAllText(Path.Combine(dir, HolderCommand.FileName), "");
            Assert.Equal([Path.Combine(dir, HolderCommand.FileName)], HolderCommand.For(self, dir));

            var hosted = ImmutableArray.Create("/usr/bin/dotnet", Path.Combine(dir, "aurora.dll"));
            Assert.Equal(hosted, HolderCommand.For(hosted, dir));
            File.WriteAllText(Path.Combine(dir, HolderCommand.FileName + ".dll"), "");
            Assert.Equal(["/usr/bin/dotnet", Path.Combine(dir, HolderCommand.FileName + ".dll")], HolderCommand.For(hosted, dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
