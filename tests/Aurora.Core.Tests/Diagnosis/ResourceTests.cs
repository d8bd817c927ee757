using Aurora.Core.Diagnosis;
using static Aurora.Core.Tests.Diagnosis.Failures;

namespace Aurora.Core.Tests.Diagnosis;

public class ResourceTests
{
    [Fact]
    public void Python_memory_error_is_out_of_memory() =>
        Assert.Equal(Causes.OutOfMemory, Diagnose(Exit(1, RealOutput.PythonMemoryError)).Cause);

    [Fact]
    public void V8_heap_exhaustion_aborting_node_is_out_of_memory()
    {
        var d = Diagnose(Killed(6, RealOutput.V8HeapOutOfMemory));
        Assert.Equal(Causes.OutOfMemory, d.Cause);
        Assert.Contains("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", d.Evidence);
        Assert.Equal(Causes.OutOfMemory, Diagnose(Exit(134, RealOutput.V8HeapOutOfMemory)).Cause);
    }

    [Fact]
    public void Dotnet_and_java_out_of_memory_are_out_of_memory()
    {
        Assert.Equal(Causes.OutOfMemory, Diagnose(Killed(6, RealOutput.DotnetOutOfMemory)).Cause);
        Assert.Equal(Causes.OutOfMemory, Diagnose(Exit(1, RealOutput.JavaOutOfMemory)).Cause);
    }

    [Fact]
    public void A_sigkill_the_kernel_log_records_as_an_oom_kill_of_this_pid_is_out_of_memory()
    {
        var kernel = new FakeOomKills(new OomKill(4242, "python3", "Memory cgroup out of memory: Killed process 4242 (python3) total-vm:75364kB"));
        var d = Diagnose(Killed(9, "ready") with { Pid = 4242 }, kernel: kernel);
        Assert.Equal(Causes.OutOfMemory, d.Cause);
        Assert.Equal(0.95, d.Confidence);
        Assert.Equal("kernel: Memory cgroup out of memory: Killed process 4242 (python3) total-vm:75364kB", d.Evidence[0]);
        Assert.Equal([(4242, OutOfMemoryClassifier.KernelWindow)], kernel.Asked);
    }

    [Fact]
    public void A_shell_reporting_137_for_a_child_the_kernel_killed_is_out_of_memory()
    {
        var kernel = new FakeOomKills(new OomKill(5000, "python3", "Out of memory: Killed process 5000 (python3)"));
        var d = Diagnose(Exit(137, "") with { Pid = 4999 }, kernel: kernel);
        Assert.Equal(Causes.OutOfMemory, d.Cause);
        Assert.Equal(0.85, d.Confidence);
    }

    [Fact]
    public void A_sigkill_without_a_kernel_record_and_a_hang_kill_never_ask_the_kernel_log_for_more()
    {
        Assert.Equal(Causes.Unknown, Diagnose(Killed(9, "")).Cause);
        var kernel = new FakeOomKills(new OomKill(1, "x", "Out of memory: Killed process 1 (x)"));
        Assert.Equal(Causes.Hang, Diagnose(Killed(9, "") with { KilledAsHung = true, HealthDetail = "timed out" }, kernel: kernel).Cause);
        Assert.Empty(kernel.Asked);
    }

    [Theory]
    [InlineData(RealOutput.PythonNoSpace)]
    [InlineData(RealOutput.NodeNoSpace)]
    [InlineData(RealOutput.CpNoSpace)]
    public void Enospc_from_any_runtime_is_disk_full(string output) =>
        Assert.Equal(Causes.DiskFull, Diagnose(Exit(1, output)).Cause);
}
