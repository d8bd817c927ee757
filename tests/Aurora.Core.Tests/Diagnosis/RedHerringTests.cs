using Aurora.Core.Diagnosis;
using Aurora.Core.Incidents;
using static Aurora.Core.Tests.Diagnosis.Failures;

namespace Aurora.Core.Tests.Diagnosis;

public class RedHerringTests
{
    private static readonly FakePortOwners Held = new(new PortOwner(18080, 4242, ["python3", "holder.py"], null));

    // retry.py: tries 18080 (held), serves on 18081, then dies of a KeyError a second later.
    private const string RetriedThenCrashed = """
        port 18080: [Errno 98] Address already in use; trying 18081
        Serving HTTP on 127.0.0.1 port 18081
        loading exchange rates
        Traceback (most recent call last):
          File "/tmp/cap/retry.py", line 17, in <module>
            print(rates["usd"])
                  ~~~~~^^^^^^^
        KeyError: 'usd'
        """;

    [Fact]
    public void An_address_in_use_retried_past_before_the_program_was_up_is_not_the_cause_of_a_later_crash()
    {
        var d = Diagnose(Exit(1, RetriedThenCrashed, 18081), Held);
        Assert.Equal(Causes.Unknown, d.Cause);
        Assert.Contains("KeyError: 'usd'", d.Evidence);
    }

    [Fact]
    public void The_later_crash_keeps_its_own_cause()
    {
        var output = RetriedThenCrashed.Replace("KeyError: 'usd'", "OSError: [Errno 28] No space left on device", StringComparison.Ordinal);
        Assert.Equal(Causes.DiskFull, Diagnose(Exit(1, output, 18081), Held).Cause);
    }

    [Fact]
    public void At_the_restart_limit_without_a_specific_cause_it_is_a_crash_loop_not_a_port_conflict()
    {
        var d = Diagnose(Exit(1, RetriedThenCrashed, 18081) with { RestartLimitReached = true }, Held);
        Assert.Equal(Causes.CrashLoop, d.Cause);
    }

    [Fact]
    public void Output_of_an_earlier_run_is_not_evidence_of_this_one()
    {
        var output = $"""
            [aurora] started pid 10: python3 app.py
            {RealOutput.PythonModuleMissing}
            [aurora] pid 10 exited: exit code 1
            [aurora] diagnosis: missing_dependency (0.90): api is missing something it imports or runs: ModuleNotFoundError: No module named 'redis'
            [aurora] started pid 11: python3 app.py
            OSError: [Errno 28] No space left on device
            [aurora] pid 11 exited: exit code 1
            """;
        var d = Diagnose(Exit(1, output));
        Assert.Equal(Causes.DiskFull, d.Cause);
        Assert.Equal(["OSError: [Errno 28] No space left on device"], d.Evidence);
    }

    [Fact]
    public void A_failure_line_that_mentions_listening_is_not_a_sign_the_program_was_up()
    {
        Assert.False(FailureOutput.IsUpMarker("1023:M 01 Dec 2026 18:29:46.545 # Failed listening on port 18080 (TCP), aborting."));
        Assert.True(FailureOutput.IsUpMarker("Serving HTTP on 127.0.0.1 port 18081 (http://127.0.0.1:18081/) ..."));
        Assert.True(FailureOutput.IsUpMarker("1:M 01 Dec 2026 18:29:46.545 * Ready to accept connections tcp"));
        Assert.Equal(Causes.PortConflict, Diagnose(Exit(1, RealOutput.RedisInUse), Held).Cause);
    }

    // What the incident tracker reads 200 ms after an exit, when the restart 100 ms later already printed its
    // own (handled) "address already in use" and said it was up.
    private const string RestartBegan = """
        [aurora] started pid 11996: python3 app.py
        port 47149: [Errno 98] Address already in use; trying 47150
        Serving HTTP on 127.0.0.1 port 47150
        flushing the access log
        OSError: [Errno 28] No space left on device
        [aurora] pid 11996 exited: exit code 1
        [aurora] started pid 12013: python3 app.py
        port 47149: [Errno 98] Address already in use; trying 47150
        Serving HTTP on 127.0.0.1 port 47150
        """;

    [Fact]
    public void Evidence_of_an_exit_is_the_run_that_ended_not_the_restart_that_began()
    {
        Assert.Equal(["flushing the access log", "OSError: [Errno 28] No space left on device"], FailureOutput.Relevant(Lines(RestartBegan)));
        Assert.Equal(["OSError: [Errno 28] No space left on device"], EvidencePicker.Pick(Lines(RestartBegan), []));
        Assert.Equal(Causes.DiskFull, CauseWords.MatchEvidence(EvidencePicker.Pick(Lines(RestartBegan), [])));
    }

    [Fact]
    public void Evidence_of_a_process_that_is_still_alive_is_its_current_run()
    {
        var alive = RestartBegan + "\nWARNING: worker pool stalled";
        Assert.Equal(["WARNING: worker pool stalled"], FailureOutput.Relevant(Lines(alive), ended: false));
        Assert.Equal(["port 47149: [Errno 98] Address already in use; trying 47150", "Serving HTTP on 127.0.0.1 port 47150", "WARNING: worker pool stalled"],
            EvidencePicker.Pick(Lines(alive), [], ended: false));
    }
}
