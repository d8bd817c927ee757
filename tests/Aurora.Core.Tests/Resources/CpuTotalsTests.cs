using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Resources;

/// aurora_service_cpu_seconds_total: a counter over the service's processes, not the CPU % of one.
public class CpuTotalsTests
{
    [Fact]
    public void A_process_adds_what_it_used_since_its_previous_sample()
    {
        var totals = new CpuTotals();
        totals.Add("api", pid: 42, startTicks: 1000, cpuTicks: 150);
        totals.Add("api", pid: 42, startTicks: 1000, cpuTicks: 400);

        Assert.Equal(4.0, totals.Seconds("api"));
        Assert.Null(totals.Seconds("db"));
    }

    [Fact]
    public void A_restart_keeps_the_total_and_adds_the_new_process_from_its_start()
    {
        var totals = new CpuTotals();
        totals.Add("api", pid: 42, startTicks: 1000, cpuTicks: 300);
        totals.Add("api", pid: 43, startTicks: 2000, cpuTicks: 50);
        // The same pid again with another start time is another process (a reused pid).
        totals.Add("api", pid: 43, startTicks: 3000, cpuTicks: 20);

        Assert.Equal(3.7, totals.Seconds("api")!.Value, precision: 9);
    }

    [Fact]
    public void A_tree_whose_total_falls_adds_nothing_until_it_grows_again()
    {
        // A child that exits unreaped by the tree takes its CPU time out of the tree's sum.
        var totals = new CpuTotals();
        totals.Add("api", pid: 42, startTicks: 1000, cpuTicks: 500);
        totals.Add("api", pid: 42, startTicks: 1000, cpuTicks: 200);
        Assert.Equal(5.0, totals.Seconds("api"));

        totals.Add("api", pid: 42, startTicks: 1000, cpuTicks: 260);
        Assert.Equal(5.6, totals.Seconds("api")!.Value, precision: 9);
    }
}
