using System.Collections.Immutable;

namespace Aurora.Core.Processes.Holding;

/// The daemon's link to its project's holder: connects to the one that runs, or starts one (`aurora holder DIR`
/// in a session of its own) and connects to it; after a loss, the next use starts another.
public sealed class HolderConnection(HolderFiles files, ImmutableArray<string> command, ImmutableDictionary<string, string> environment,
    TimeProvider time) : IDisposable
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private HolderClient? _client;

    /// Whether the first connection found a holder already running (left by an earlier daemon).
    public bool FoundRunning { get; private set; }

    public HolderFiles Files => files;

    /// The current client; a new holder if the last one has gone.
    public HolderClient Current
    {
        get
        {
            lock (_gate)
            {
                if (_client is { IsLost: false } live)
                {
                    return live;
                }

                _client?.Dispose();
                return _client = StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    /// The first connection, at the daemon's start: to a holder left running, or to a new one.
    public async Task<HolderClient> OpenAsync(CancellationToken ct)
    {
        var found = HolderClient.Connect(files);
        FoundRunning = found is not null;
        var client = found ?? await StartAsync(ct);
        lock (_gate)
        {
            _client = client;
        }

        return client;
    }

    private async Task<HolderClient> StartAsync(CancellationToken ct)
    {
        // No holder answered: an identity file left is a dead one's, and must not be mistaken for the new one's.
        File.Delete(files.Identity);

        // The holder is this daemon's child only until this daemon goes: it has a session of its own (no signal
        // for the daemon's group or terminal reaches it) and outlives us.
        var holder = new PosixProcessLauncher(time).Start(new ProcessSpec([.. command, "holder", files.StateDirectory],
            files.StateDirectory, environment));
        var started = time.GetTimestamp();
        while (true)
        {
            if (File.Exists(files.Identity) && HolderClient.Connect(files) is { } client)
            {
                if (client.HolderPid == holder.Pid)
                {
                    return client;
                }

                client.Dispose();
            }

            if (holder.Exited.IsCompleted || time.GetElapsedTime(started) > StartWait)
            {
                throw new IOException($"the holder ({string.Join(' ', command)} holder) did not start: " +
                    (holder.Exited.IsCompleted ? holder.Exited.Result.ToString() : "no answer within 10 s"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), time, ct);
        }
    }

    /// Leaves the holder and its services running.
    public void Dispose()
    {
        lock (_gate)
        {
            _client?.Dispose();
            _client = null;
        }
    }
}
