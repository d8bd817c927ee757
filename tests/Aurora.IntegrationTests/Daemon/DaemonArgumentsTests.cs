using Aurora.Daemon.Entry;

namespace Aurora.IntegrationTests.Daemon;

/// What `up -d` writes after the daemon's executable is what `aurora-daemon` and `aurora daemon` read (DaemonArguments):
/// one type writes and parses it.
public sealed class DaemonArgumentsTests
{
    [Fact]
    public void The_daemon_reads_back_every_argument_up_writes()
    {
        var written = new DaemonArguments(["/p/base.yaml", "/p/dev.yaml"], "/p/.aurora/daemon.log", ["web", "jobs"]);
        var args = written.ToArgs().ToList();
        Assert.Equal(["-f", "/p/base.yaml", "-f", "/p/dev.yaml", "--log", "/p/.aurora/daemon.log", "--profile", "web", "--profile", "jobs"], args);

        var read = DaemonArguments.Parse(args, out var error);
        Assert.Null(error);
        Assert.Equal(written.Files, read!.Files);
        Assert.Equal(written.Log, read.Log);
        Assert.Equal(written.Profiles, read.Profiles);
    }

    [Fact]
    public void Values_may_follow_an_equals_sign_and_the_long_name_of_f()
    {
        var read = DaemonArguments.Parse(["--file=/p/a.yaml", "--log=/p/x=y.log", "--profile=web"], out _)!;
        Assert.Equal(["/p/a.yaml"], read.Files);
        Assert.Equal("/p/x=y.log", read.Log);
        Assert.Equal(["web"], read.Profiles);
    }

    [Theory]
    [InlineData(new[] { "--json" }, "unknown argument '--json'")]
    [InlineData(new[] { "restart" }, "unknown argument 'restart'")]
    [InlineData(new[] { "-f" }, "-f needs a value")]
    [InlineData(new[] { "-f", "/p/a.yaml", "--log" }, "--log needs a value")]
    public void Anything_else_is_a_usage_error(string[] args, string expected)
    {
        Assert.Null(DaemonArguments.Parse(args, out var error));
        Assert.Equal(expected, error);
    }
}
