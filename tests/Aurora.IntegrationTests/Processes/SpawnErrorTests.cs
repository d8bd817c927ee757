using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

public sealed class SpawnErrorTests : ProcessTestBase
{
    [Fact(Timeout = 30000)]
    public async Task Missing_command_is_ENOENT_and_exit_code_127()
    {
        var ct = TestContext.Current.CancellationToken;
        var error = Assert.Throws<ProcessSpawnException>(() => Start(TestChild.Command(null, null, "aurora-no-such-command")));

        Assert.Equal(2, error.Errno);
        Assert.Equal(127, error.ExitCode);
        Assert.Equal("cannot start 'aurora-no-such-command': command not found", error.Message);
        await LauncherStillWorks(ct);
    }

    [Fact(Timeout = 30000)]
    public async Task Missing_path_says_no_such_file()
    {
        var ct = TestContext.Current.CancellationToken;
        var error = Assert.Throws<ProcessSpawnException>(() => Start(TestChild.Command(null, null, "/nonexistent/aurora")));

        Assert.Equal(127, error.ExitCode);
        Assert.Equal("cannot start '/nonexistent/aurora': No such file or directory", error.Message);
        await LauncherStillWorks(ct);
    }

    [Fact(Timeout = 30000)]
    public async Task Non_executable_file_is_EACCES_and_exit_code_126()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "#!/bin/sh\necho hi\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            var error = Assert.Throws<ProcessSpawnException>(() => Start(TestChild.Command(null, null, file)));

            Assert.Equal(13, error.Errno);
            Assert.Equal(126, error.ExitCode);
            Assert.Equal($"cannot start '{file}': Permission denied", error.Message);
        }
        finally
        {
            File.Delete(file);
        }

        await LauncherStillWorks(ct);
    }

    [Fact(Timeout = 30000)]
    public async Task Bad_working_directory_is_a_spawn_error()
    {
        var ct = TestContext.Current.CancellationToken;
        var spec = TestChild.Command(null, null, "true") with { WorkingDirectory = "/nonexistent/aurora-dir" };

        var error = Assert.Throws<ProcessSpawnException>(() => Start(spec));

        Assert.Equal(2, error.Errno);
        Assert.Equal("cannot start 'true': working directory '/nonexistent/aurora-dir': No such file or directory", error.Message);
        await LauncherStillWorks(ct);
    }

    [Fact(Timeout = 30000)]
    public async Task Failed_spawn_with_a_sink_leaks_no_descriptor()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = Directory.GetFiles("/proc/self/fd").Length;
        for (var i = 0; i < 100; i++)
        {
            Assert.Throws<ProcessSpawnException>(() => Start(TestChild.Command(new LineSink(), null, "aurora-no-such-command")));
        }

        // Other tests run in parallel and open descriptors too, so allow some slack.
        Assert.True(Directory.GetFiles("/proc/self/fd").Length < before + 100);
        await LauncherStillWorks(ct);
    }

    private async Task LauncherStillWorks(CancellationToken ct)
    {
        var sink = new LineSink();
        var process = Start(TestChild.Command(sink, null, "sh", "-c", "echo still; exit 0"));
        Assert.Equal(new ExitStatus(0, null), await process.Exited.WaitAsync(ct).DefaultTimeout());
        await sink.Completed.WaitAsync(ct).DefaultTimeout();
        Assert.Equal(["still"], sink.Lines);
    }
}
