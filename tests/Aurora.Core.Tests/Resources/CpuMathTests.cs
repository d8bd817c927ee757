using Aurora.Core.Resources;

namespace Aurora.Core.Tests.Resources;

public sealed class CpuMathTests
{
    [Theory]
    [InlineData(100, 1000, 100.0)] // a whole core
    [InlineData(1, 1000, 1.0)]
    [InlineData(1, 3000, 0.3)] // one decimal
    [InlineData(350, 1000, 350.0)] // a tree on three and a half cores
    [InlineData(50, 500, 100.0)]
    [InlineData(-20, 1000, 0.0)] // a child exited with its time, unreaped by the tree
    [InlineData(10, 0, 0.0)] // no time passed
    public void Percent_of_one_core(long ticks, int elapsedMs, double percent) =>
        Assert.Equal(percent, CpuMath.Percent(ticks, TimeSpan.FromMilliseconds(elapsedMs)));
}
