using Aurora.Core.Diagnosis;
using static Aurora.Core.Tests.Diagnosis.Failures;

namespace Aurora.Core.Tests.Diagnosis;

public class PortConflictTests
{
    private static readonly PortOwner Python4 = new(18080, 4242, ["python3", "-c", "import socket; ..."], null);
    private static readonly PortOwner Python6 = new(18081, 4242, ["python3", "-c", "import socket; ..."], null);
    private static readonly FakePortOwners Held = new(Python4, Python6);

    [Theory]
    [InlineData(RealOutput.NodeListenInUse, 18080)]
    [InlineData(RealOutput.NodeListenInUseV6, 18081)]
    [InlineData(RealOutput.NodeWrappedInUse, 18080)]
    [InlineData(RealOutput.NginxBindFailed, 18081)]
    [InlineData(RealOutput.RedisInUse, 18080)]
    [InlineData(RealOutput.RedisInUseV6, 18081)]
    public void Real_port_conflicts_name_the_holder_of_the_port_the_newest_error_names(string output, int port)
    {
        var d = Diagnose(Exit(1, output), Held);
        Assert.Equal(Causes.PortConflict, d.Cause);
        Assert.Equal(0.95, d.Confidence);
        Assert.Equal($"port {port} is held by pid 4242 (python3 -c import socket; ...)", d.Evidence[0]);
        Assert.Contains("pid 4242", d.Summary);
    }

    [Fact]
    public void Python_traceback_without_a_port_names_the_holder_of_the_declared_port()
    {
        Assert.StartsWith("port 18081 is held by pid 4242", Diagnose(Exit(1, RealOutput.PythonSocketInUseV6, 18081), Held).Evidence[0]);
        var d = Diagnose(Exit(1, RealOutput.PythonHttpServerInUse, 18080), Held);
        Assert.Equal(Causes.PortConflict, d.Cause);
        Assert.Equal("port 18080 is held by pid 4242 (python3 -c import socket; ...)", d.Evidence[0]);
        Assert.Equal("OSError: [Errno 98] Address already in use", d.Evidence[^1]);
        Assert.Equal("api could not bind port 18080: it is held by pid 4242 (python3 -c import socket; ...), a process not started by Aurora", d.Summary);
    }

    [Fact]
    public void Node_error_wrapped_in_another_names_the_port_of_its_cause()
    {
        var d = Diagnose(Exit(1, RealOutput.NodeWrappedInUse), Held);
        Assert.Equal(Causes.PortConflict, d.Cause);
        Assert.Contains("      [cause]: Error: listen EADDRINUSE: address already in use 127.0.0.1:18080".Trim(), d.Evidence.Select(e => e.Trim()));
        Assert.StartsWith("port 18080 is held by pid 4242", d.Evidence[0]);
    }

    [Fact]
    public void A_program_that_logs_only_to_its_own_file_is_diagnosed_from_who_holds_its_declared_port()
    {
        var d = Diagnose(Exit(1, "", 18080), Held);
        Assert.Equal(Causes.PortConflict, d.Cause);
        Assert.Equal(0.7, d.Confidence);
        Assert.Equal(["port 18080 is held by pid 4242 (python3 -c import socket; ...)"], d.Evidence);
    }

    [Fact]
    public void A_declared_port_nobody_holds_is_no_conflict()
    {
        Assert.Equal(Causes.Unknown, Diagnose(Exit(1, "", 18099), Held).Cause);
    }

    [Fact]
    public void A_sibling_service_holding_the_port_is_named_as_that_service()
    {
        var sibling = new PortOwner(18080, 777, ["python3", "web.py"], "0123456789ab/web");
        var d = Diagnose(Exit(1, RealOutput.PythonHttpServerInUse, 18080), new FakePortOwners(sibling));
        Assert.Equal("port 18080 is held by pid 777 (python3 web.py), Aurora service web (project 0123456789ab)", d.Evidence[0]);
        Assert.Contains("Aurora service web", d.Summary);
    }

    [Fact]
    public void The_holders_command_line_is_shown_with_its_secrets_scrubbed()
    {
        var holder = new PortOwner(18080, 99, ["redis-server", "--port", "18080", "--requirepass", "hunter22", "--masterauth=hunter33",
            "API_TOKEN=tok-123456", "postgres://app:s3cret@db/app", "--db", "tok-abcdef"], null, ["tok-abcdef"]);
        var d = Diagnose(Exit(1, RealOutput.RedisInUse), new FakePortOwners(holder));
        Assert.Equal("port 18080 is held by pid 99 (redis-server --port 18080 --requirepass *** --masterauth=*** API_TOKEN=*** postgres://app:***@db/app --db ***)",
            d.Evidence[0]);
        Assert.DoesNotContain("hunter", d.Summary);
        Assert.DoesNotContain("tok-", d.Summary);
    }

    [Fact]
    public void A_holder_whose_argv_spans_lines_is_shown_on_one()
    {
        var holder = new PortOwner(18080, 5, ["python3", "-c", "import socket\ns = socket.socket()\ts.bind(('', 18080))"], null);
        Assert.Equal("port 18080 is held by pid 5 (python3 -c import socket s = socket.socket() s.bind(('', 18080)))", holder.Describe());
    }
}
