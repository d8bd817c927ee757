using System.Collections.Immutable;
using System.Text;
using Aurora.Core.Config;
using Aurora.Core.Events;
using Aurora.Core.Processes;
using Aurora.Daemon.Hosting;
using Aurora.IntegrationTests.Processes;
using Aurora.IntegrationTests.TestSupport;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Daemon;

/// A throwaway project directory with an aurora.yaml, a daemon run in this process, and the real
/// `aurora` binary for CLI tests.
internal sealed class TestProject : IAsyncDisposable
{
    private readonly List<RunningDaemon> _daemons = [];

    private TestProject(string dir)
    {
        Dir = dir;
    }

    public string Dir { get; }

    public string ConfigPath => Path.Combine(Dir, "aurora.yaml");

    public DaemonPaths Paths => new(Dir);

    public static TestProject Create(string yaml)
    {
        // Short paths: a unix socket path must fit in 108 bytes.
        var dir = Path.Combine(Path.GetTempPath(), "aur-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        var project = new TestProject(dir);
        project.Write(yaml);
        return project;
    }

    public void Write(string yaml) => File.WriteAllText(ConfigPath, yaml.Replace("\t", "  "));

    /// Another file of the project (a second config file, a .env).
    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(Dir, name), text.Replace("\t", "  "));

    public AuroraConfig LoadConfig()
    {
        var result = ConfigLoader.Load(ConfigPath);
        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    /// Runs the daemon in this test process until the returned handle is disposed.
    public async Task<RunningDaemon> StartDaemonAsync()
    {
        var config = LoadConfig();
        var cts = new CancellationTokenSource();
        var ready = new TaskCompletionSource<AuroraRuntime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Run(() => DaemonHost.RunAsync(config, (rt, _) =>
        {
            ready.TrySetResult(rt);
            return Task.CompletedTask;
        }, cts.Token));
        var first = await Task.WhenAny(ready.Task, run).DefaultTimeout();
        await first; // surfaces a start-up exception
        var daemon = new RunningDaemon(await ready.Task, run, cts);
        _daemons.Add(daemon);
        return daemon;
    }

    /// Runs the real `aurora` CLI in this project directory.
    public Task<CliResult> Cli(CancellationToken ct, params string[] args) => CliWith(ImmutableDictionary<string, string>.Empty, ct, args);

    /// Runs the real `aurora` CLI with these variables added to its environment (a daemon it starts inherits them).
    public Task<CliResult> CliWith(IReadOnlyDictionary<string, string> variables, CancellationToken ct, params string[] args) =>
        RunAsync(AuroraBinary.Path, variables, ct, args);

    /// Runs this `aurora` binary (a copy of the real one, say) in this project directory.
    public Task<CliResult> CliOf(string binary, CancellationToken ct, params string[] args) =>
        RunAsync(binary, ImmutableDictionary<string, string>.Empty, ct, args);

    private async Task<CliResult> RunAsync(string binary, IReadOnlyDictionary<string, string> variables, CancellationToken ct, string[] args)
    {
        var output = new CapturingSink();
        var env = TestChild.BaseEnvironment.SetItem("NO_COLOR", "1").SetItems(variables);
        var process = new PosixProcessLauncher().Start(new ProcessSpec([binary, .. args], Dir, env, null, output));
        var status = await process.Exited.WaitAsync(ct).DefaultTimeout(TimeSpan.FromSeconds(60));
        await output.Completed.DefaultTimeout();
        return new CliResult(status.ExitCode ?? -1, output.Text);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var d in _daemons)
        {
            await d.DisposeAsync();
        }

        if (DaemonLock.RunningPid(Paths) is not null)
        {
            await Cli(CancellationToken.None, "down");
        }

        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class CapturingSink : IOutputSink
    {
        private readonly StringBuilder _text = new();
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completed => _completed.Task;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void Write(ReadOnlySpan<byte> chunk)
        {
            lock (_text)
            {
                _text.Append(Encoding.UTF8.GetString(chunk));
            }
        }

        public void Complete() => _completed.TrySetResult();
    }
}

internal sealed record CliResult(int ExitCode, string Output);

internal sealed class RunningDaemon(AuroraRuntime runtime, Task run, CancellationTokenSource cts) : IAsyncDisposable
{
    public AuroraRuntime Runtime { get; } = runtime;

    /// Waits for the first event (from the daemon's start) that matches.
    public Task<AuroraEvent> WaitForEvent(Func<AuroraEvent, bool> match, TimeSpan? timeout = null) =>
        WaitForEventAfter(Runtime.BootSeq, match, timeout);

    /// Waits for the first event after `seq` that matches.
    public async Task<AuroraEvent> WaitForEventAfter(long seq, Func<AuroraEvent, bool> match, TimeSpan? timeout = null)
    {
        using var stop = new CancellationTokenSource();
        var find = Task.Run(async () =>
        {
            await foreach (var e in Runtime.Events.WatchAsync(seq, stop.Token))
            {
                if (match(e))
                {
                    return e;
                }
            }

            throw new InvalidOperationException("event stream ended");
        });
        try
        {
            return await find.DefaultTimeout(timeout);
        }
        catch (TimeoutException ex)
        {
            // Say what did happen: the events are the whole story of a daemon.
            var seen = (await Runtime.Events.Store.ReadAfterAsync(seq, 100_000, CancellationToken.None)).TakeLast(60)
                .Select(e => $"  {e.Seq} {e.Service ?? "-"} {e.Type} {e.Data.GetRawText()}");
            throw new TimeoutException(ex.Message + "; events after " + seq + ":\n" + string.Join("\n", seen), ex);
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// Waits until the service's log has a line containing the text (already there, or written later).
    public async Task<string> WaitForLogLine(string service, string text, bool prefix = false)
    {
        bool Match(string line) => prefix ? line.StartsWith(text, StringComparison.Ordinal) : line.Contains(text, StringComparison.Ordinal);

        using var subscription = Runtime.Log(service)!.Follow(200);
        if (subscription.Backlog.FirstOrDefault(Match) is { } seen)
        {
            return seen;
        }

        async Task<string> Next()
        {
            await foreach (var line in subscription.Lines.ReadAllAsync())
            {
                if (Match(line))
                {
                    return line;
                }
            }

            throw new InvalidOperationException("log ended");
        }

        return await Next().DefaultTimeout();
    }

    public Task<AuroraEvent> WaitForEvent(string type, string service, Func<AuroraEvent, bool>? also = null) =>
        WaitForEvent(e => e.Type == type && e.Service == service && (also?.Invoke(e) ?? true));

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await cts.CancelAsync();
        await run.DefaultTimeout(TimeSpan.FromSeconds(30));
        cts.Dispose();
    }
}
