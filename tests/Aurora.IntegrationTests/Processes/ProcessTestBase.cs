using Aurora.Core.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Processes;

/// Starts real processes and makes sure none outlives the test, whatever the outcome.
public abstract class ProcessTestBase : IAsyncDisposable
{
    private readonly List<IRunningProcess> started = [];

    protected PosixProcessLauncher Launcher { get; } = new(TimeProvider.System);

    protected IRunningProcess Start(ProcessSpec spec)
    {
        var process = Launcher.Start(spec);
        lock (started)
        {
            started.Add(process);
        }

        return process;
    }

    protected static void AssertGone(int pid) =>
        Assert.False(ProcessTable.Exists(pid), $"pid {pid} still exists: {ProcessTable.Read(pid)}");

    protected static int LastNumber(string line) => int.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        IRunningProcess[] all;
        lock (started)
        {
            all = [.. started];
        }

        await Task.WhenAll(all.Select(p => p.StopAsync(Signals.SIGKILL, TimeSpan.Zero, CancellationToken.None))).DefaultTimeout();
        GC.SuppressFinalize(this);
    }
}
