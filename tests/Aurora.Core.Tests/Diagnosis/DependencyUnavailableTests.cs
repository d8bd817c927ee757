using Aurora.Core.Diagnosis;
using static Aurora.Core.Tests.Diagnosis.Failures;

namespace Aurora.Core.Tests.Diagnosis;

public class DependencyUnavailableTests
{
    [Theory]
    [InlineData(RealOutput.NodeRefused, "127.0.0.1:5432")]
    [InlineData(RealOutput.NodeFetchRefused, "127.0.0.1:8088")]
    [InlineData(RealOutput.CurlRefused, "127.0.0.1:8088")]
    [InlineData(RealOutput.RedisCliRefused, "127.0.0.1:6399")]
    [InlineData(RealOutput.PsqlRefused, "127.0.0.1:5499")]
    [InlineData("Error: connect ECONNREFUSED ::1:5432", "[::1]:5432")]
    public void A_refused_connection_names_the_endpoint_to_wait_for(string output, string endpoint)
    {
        var d = Diagnose(Exit(1, output, 8000));
        Assert.Equal(Causes.DependencyUnavailable, d.Cause);
        Assert.Equal(endpoint, d.WaitFor);
        Assert.Contains(endpoint, d.Summary);
    }

    [Fact]
    public void Psql_exiting_2_at_once_is_a_dependency_not_a_usage_error()
    {
        var d = Diagnose(Exit(2, RealOutput.PsqlRefused, 8000) with { Uptime = TimeSpan.FromMilliseconds(100) });
        Assert.Equal(Causes.DependencyUnavailable, d.Cause);
        Assert.Equal("127.0.0.1:5499", d.WaitFor);
    }

    [Fact]
    public void Python_names_no_endpoint_in_its_error_so_the_one_it_was_connecting_to_is_taken()
    {
        var output = "connecting to redis at 127.0.0.1:6399\n" + RealOutput.PythonRefused;
        var d = Diagnose(Exit(1, output, 8000));
        Assert.Equal("127.0.0.1:6399", d.WaitFor);
        var viaUrl = "GET http://127.0.0.1:8088/v1/config\n" + RealOutput.PythonUrllibRefused;
        Assert.Equal("127.0.0.1:8088", Diagnose(Exit(1, viaUrl)).WaitFor);
    }

    [Fact]
    public void Its_own_listening_address_is_not_taken_for_the_dependency()
    {
        var output = "Serving HTTP on 127.0.0.1 port 8000\n" + RealOutput.PythonRefused;
        var d = Diagnose(Exit(1, output, 8000));
        Assert.Equal(Causes.DependencyUnavailable, d.Cause);
        Assert.Null(d.WaitFor);
    }

    [Fact]
    public void A_refused_connection_to_its_own_port_is_not_a_dependency() =>
        Assert.NotEqual(Causes.DependencyUnavailable, Diagnose(Exit(1, "Error: connect ECONNREFUSED 127.0.0.1:8000", 8000)).Cause);

    [Fact]
    public void The_supervisor_can_read_the_endpoint_back_from_evidence() =>
        Assert.Equal("127.0.0.1:6379", DependencyUnavailableClassifier.Target(["Could not connect to Redis at 127.0.0.1:6379: Connection refused"], []));
}
