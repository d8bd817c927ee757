using Aurora.Core.Incidents;

namespace Aurora.Core.Tests.Incidents;

public class FailureSignatureTests
{
    [Fact]
    public void Failures_differing_only_in_ports_pids_and_paths_share_a_signature()
    {
        string[] first = ["Error: listen EADDRINUSE 127.0.0.1:5001 (pid 4242) /home/a/app.js"];
        string[] second = ["Error: listen EADDRINUSE 10.0.0.7:8080 (pid 17) /srv/other/server.js"];
        Assert.Equal(FailureSignature.Compute(first, "port_conflict"), FailureSignature.Compute(second, "port_conflict"));
        Assert.Equal(16, FailureSignature.Compute(first, "x").Length);
    }

    [Fact]
    public void A_different_failure_has_a_different_signature()
    {
        string[] conflict = ["Error: listen EADDRINUSE 127.0.0.1:5001 (pid 4242) /home/a/app.js"];
        string[] missing = ["Error: Cannot find module 'express' (pid 4242) /home/a/app.js"];
        Assert.NotEqual(FailureSignature.Compute(conflict, "unknown"), FailureSignature.Compute(missing, "unknown"));
    }

    [Theory]
    [InlineData("Error: listen EADDRINUSE 127.0.0.1:5001 (pid 4242) /home/a/app.js", "Error: listen EADDRINUSE <addr> (pid <n>) <path>")]
    [InlineData("request 3f2a9c1e-0b7d-4e55-9a3c-2b1f0c9d8e7a failed after 1.5s", "request <id> failed after <n>s")]
    [InlineData("segfault at 0x7ffd1234 in worker deadbeef42", "segfault at <hex> in worker <hex>")]
    [InlineData("connect ECONNREFUSED [::1]:6379", "connect ECONNREFUSED <addr>")]
    [InlineData("  File \"/usr/lib/python3.11/socket.py\", line 233, in bind", "File \"<path>\", line <n>, in bind")]
    [InlineData("GET http://127.0.0.1:9000/health?x=1 -> 503", "GET <url> -> <n>")]
    public void Normalize_replaces_what_changes_between_runs(string line, string expected) =>
        Assert.Equal(expected, FailureSignature.Normalize(line));

    [Fact]
    public void Repeated_lines_count_once_and_no_evidence_falls_back_to_the_cause()
    {
        Assert.Equal(FailureSignature.Compute(["boom pid 1", "boom pid 2"], "x"), FailureSignature.Compute(["boom pid 3"], "x"));
        Assert.Equal(FailureSignature.Compute([], "crash_loop"), FailureSignature.Compute([], "crash_loop"));
        Assert.NotEqual(FailureSignature.Compute([], "crash_loop"), FailureSignature.Compute([], "hang"));
    }
}
