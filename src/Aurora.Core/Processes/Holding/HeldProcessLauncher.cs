namespace Aurora.Core.Processes.Holding;

/// Starts services through the project's holder, so they outlive this daemon: the seam the supervisor sees is
/// the usual IProcessLauncher. If the holder goes away, the next start connects to (or starts) another.
public sealed class HeldProcessLauncher(Func<HolderClient> holder, TimeProvider time) : IProcessLauncher
{
    /// Blocks its thread until the holder answers; the supervisors use StartAsync.
    public IRunningProcess Start(ProcessSpec spec) => StartAsync(spec).GetAwaiter().GetResult();

    public async Task<IRunningProcess> StartAsync(ProcessSpec spec)
    {
        if (spec.Argv.IsDefaultOrEmpty || string.IsNullOrEmpty(spec.Argv[0]))
        {
            throw new ArgumentException("Argv must name a command.", nameof(spec));
        }

        var client = holder();
        var reply = await client.SpawnAsync(spec, ProcessEnvironment.Build(spec));
        if (reply.Errno != 0)
        {
            throw SpawnError.Create(spec, reply.Errno);
        }

        if (spec.Output is { } sink && reply.OutputFd >= 0)
        {
            HeldPumps.Start(reply.OutputFd, sink);
        }

        return new HeldProcess(client, reply.Pid, reply.StartTicks, reply.StartedAt, spec.Tag, time);
    }

    /// Stops reading every held service's output (a daemon handing over): nothing read is left unwritten.
    public static Task LetGoAsync() => HeldPumps.LetGoAsync();

    /// A process an earlier daemon started, as the holder reported it: its output so far (held while no daemon
    /// ran) goes to sink first, then what it writes from now on.
    public static IRunningProcess Adopt(HolderClient client, HeldRecord record, IOutputSink sink, TimeProvider time)
    {
        foreach (var chunk in record.Output)
        {
            sink.Write(chunk);
        }

        record.Output.Clear();
        if (record.OutputFd >= 0)
        {
            HeldPumps.Start(record.OutputFd, sink);
            record.OutputFd = -1;
        }
        else
        {
            sink.Complete();
        }

        var process = new HeldProcess(client, record.Pid, record.StartTicks, record.StartedAt, record.Tag, time);
        if (record.Exit is not null)
        {
            // Ended while no daemon ran: the holder kept its status for us; now it may forget it.
            client.Forget(record.Pid);
        }

        return process;
    }
}
