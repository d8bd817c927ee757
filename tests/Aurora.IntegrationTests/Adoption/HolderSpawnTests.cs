using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using Aurora.Core.Processes;
using Aurora.Core.Processes.Holding;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Adoption;

/// Spawning through the holder at scale (issue 16, cold start): requests are pipelined over the one socket and
/// answered by id, and the holder spawns several at once without losing an exit status or mixing up umasks.
public sealed class HolderSpawnTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aurora-holder-spawn-");

    /// A fake holder that answers only when told: the second request is sent while the first is unanswered, and
    /// the answers, given in the other order, each reach their own request. (A spawn used to hold its thread until
    /// the holder answered: 1,000 services starting at once waited on the thread pool's growth.)
    [Fact(Timeout = 60000)]
    public async Task Spawns_are_in_flight_together_and_answers_are_matched_by_id()
    {
        using var fake = FakeHolder.Start(new HolderFiles(_dir.FullName));
        using var client = HolderClient.Connect(fake.Files) ?? throw new InvalidOperationException("the fake holder was not accepted");

        var first = client.SpawnAsync(Spec("first"), []);
        var second = client.SpawnAsync(Spec("second"), []);
        var firstId = await fake.Requests.ReadAsync(TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
        var secondId = await fake.Requests.ReadAsync(TestContext.Current.CancellationToken).AsTask().DefaultTimeout();
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        fake.Answer(secondId, pid: 2222);
        fake.Answer(firstId, pid: 1111);
        Assert.Equal(1111, (await first.DefaultTimeout()).Pid);
        Assert.Equal(2222, (await second.DefaultTimeout()).Pid);
    }

    /// The real holder, asked for many processes at once: processes that end at once (their exit may be reaped
    /// before the holder has taken in their spawn) keep their exit codes, and each process has the umask it asked
    /// for although others were spawned beside it.
    [Fact(Timeout = 120000)]
    public async Task Many_spawns_at_once_keep_their_exit_codes_and_umasks()
    {
        var ct = TestContext.Current.CancellationToken;
        using var connection = new HolderConnection(new HolderFiles(_dir.FullName), [AuroraBinary.Path], TestChild.BaseEnvironment, TimeProvider.System);
        var client = await connection.OpenAsync(ct).DefaultTimeout();
        var quick = Enumerable.Range(0, 60).Select(i => client.SpawnAsync(Spec($"quick-{i}", "sh", "-c", "exit 3"), Env())).ToList();
        var masked = Enumerable.Range(0, 20).Select(i => client.SpawnAsync(Spec($"masked-{i}", "sleep", "1000") with { Umask = 0x17 /* 027 */ }, Env())).ToList();
        var plain = Enumerable.Range(0, 20).Select(i => client.SpawnAsync(Spec($"plain-{i}", "sleep", "1000"), Env())).ToList();
        await Task.WhenAll(quick.Concat(masked).Concat(plain)).DefaultTimeout(TimeSpan.FromSeconds(60));

        foreach (var spawn in quick)
        {
            var exit = await client.ExitOf(spawn.Result.Pid).DefaultTimeout();
            Assert.Equal(3, exit.ExitCode);
        }

        var own = Umask(Environment.ProcessId);
        try
        {
            Assert.All(masked, s => Assert.Equal("0027", Umask(s.Result.Pid)));
            Assert.All(plain, s => Assert.Equal(own, Umask(s.Result.Pid)));
        }
        finally
        {
            foreach (var s in masked.Concat(plain))
            {
                client.Signal(s.Result.Pid, Signals.SIGKILL);
            }
        }

        foreach (var s in masked.Concat(plain))
        {
            Assert.Equal(Signals.SIGKILL, (await client.ExitOf(s.Result.Pid).DefaultTimeout()).Signal);
        }
    }

    /// A daemon that goes with spawns in flight (the holder runs several at once): whatever the holder spawned for it
    /// is in the next daemon's hello (requests after the first answer that could not be delivered are dropped with
    /// that daemon, as always), and the next daemon's answers are to its own requests (its ids start at 1 again).
    [Fact(Timeout = 120000)]
    public async Task Spawns_asked_for_by_a_daemon_that_goes_are_handed_to_the_next()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = new HolderFiles(_dir.FullName);
        using var connection = new HolderConnection(files, [AuroraBinary.Path], TestChild.BaseEnvironment, TimeProvider.System);
        var first = await connection.OpenAsync(ct).DefaultTimeout();
        var asked = Enumerable.Range(0, 40).Select(i => Spec($"early-{i}", "sleep", "1000"))
            .Select(spec => first.SpawnAsync(spec, ProcessEnvironment.Build(spec))).ToList();
        first.Dispose();

        // Answered before the disconnect or failed with it: either way that daemon has gone.
        await ((Task)Task.WhenAll(asked)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

        using var second = HolderClient.Connect(files) ?? throw new InvalidOperationException("the holder did not answer");
        var pids = second.Held.Select(h => h.Pid).ToList();
        try
        {
            // posix_spawn returns once the child has left the holder's memory (vfork), which is before the kernel has
            // put the new program's environment in place: for a moment /proc/PID/environ is empty, and the tag unread.
            await DetachedProject.Eventually(() => pids.All(pid => ProcessTable.Tag(pid) is not null), ct);
            var spawned = ProcessTable.AllPids().Where(pid => ProcessTable.Tag(pid)?.StartsWith($"{_dir.Name}/early-", StringComparison.Ordinal) == true
                && ProcessTable.Read(pid) is { IsZombie: false });
            Assert.Equal(spawned.Order(), pids.Order());
            Assert.NotEmpty(pids);
            var spec = Spec("mine", "sleep", "1000");
            var mine = await second.SpawnAsync(spec, ProcessEnvironment.Build(spec)).DefaultTimeout();
            pids.Add(mine.Pid);
            await DetachedProject.Eventually(() => ProcessTable.Tag(mine.Pid) is not null, ct);
            Assert.Equal($"{_dir.Name}/mine", ProcessTable.Tag(mine.Pid));
        }
        finally
        {
            foreach (var pid in pids)
            {
                second.Signal(pid, Signals.SIGKILL);
            }
        }

        foreach (var pid in pids)
        {
            await second.ExitOf(pid).DefaultTimeout();
        }
    }

    private ProcessSpec Spec(string tag, params string[] argv) =>
        new([.. argv.Length > 0 ? argv : ["true"]], _dir.FullName, TestChild.BaseEnvironment, $"{_dir.Name}/{tag}");

    private static ImmutableArray<string> Env() => [.. TestChild.BaseEnvironment.Select(kv => $"{kv.Key}={kv.Value}")];

    private static string? Umask(int pid) => File.ReadLines($"/proc/{pid}/status")
        .FirstOrDefault(l => l.StartsWith("Umask:", StringComparison.Ordinal))?["Umask:".Length..].Trim();

    public void Dispose() => _dir.Delete(recursive: true);

    /// Listens where a holder would, says it is one (this process: the client checks the peer's pid and start time),
    /// sends the hello, then reports each spawn request's id and answers only when Answer is called.
    private sealed class FakeHolder : IDisposable
    {
        private readonly Channel<int> _requests = Channel.CreateUnbounded<int>();
        private readonly int _listener;
        private int _daemon = -1;

        private FakeHolder(HolderFiles files)
        {
            Files = files;
            _listener = HolderSocket.Listen(files.Socket);
            files.WriteIdentity(Environment.ProcessId, ProcessTable.Read(Environment.ProcessId)!.StartTicks, "token");
            new Thread(Serve) { IsBackground = true }.Start();
        }

        public HolderFiles Files { get; }

        public ChannelReader<int> Requests => _requests.Reader;

        public static FakeHolder Start(HolderFiles files) => new(files);

        public void Answer(int id, int pid) => HolderSocket.Send(Volatile.Read(ref _daemon), HolderFrames.Write(HolderFrames.Spawned, w =>
        {
            w.Write(id);
            w.Write(pid);
            w.Write(1L);
            w.Write(0L);
            w.Write(0);
        }));

        private void Serve()
        {
            var fd = HolderSocket.Accept(_listener);
            HolderSocket.Send(fd, HolderFrames.Write(HolderFrames.Hello, w =>
            {
                w.Write(HolderFrames.Version);
                w.Write(Environment.ProcessId);
                w.Write("token");
            }));
            HolderSocket.Send(fd, HolderFrames.Write(HolderFrames.HelloDone, _ => { }));
            Volatile.Write(ref _daemon, fd);
            var buffer = new byte[HolderSocket.MaxFrame];
            while (HolderSocket.Receive(fd, buffer, out _) is var length and > 0)
            {
                using var r = HolderFrames.Read(buffer, length, out var type);
                if (type == HolderFrames.Spawn)
                {
                    _requests.Writer.TryWrite(r.ReadInt32());
                }
            }
        }

        public void Dispose()
        {
            LibC.close(_listener);
            if (Volatile.Read(ref _daemon) is >= 0 and var fd)
            {
                LibC.close(fd);
            }
        }
    }
}
