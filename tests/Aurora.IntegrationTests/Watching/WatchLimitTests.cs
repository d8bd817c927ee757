using System.Text;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Daemon;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Watching;

/// The inotify watch limit, reached for real: the daemon runs in a user namespace whose limit
/// (/proc/sys/user/max_inotify_watches, which the namespace's root may lower) is 10, and watches a tree of 40
/// directories.
public class WatchLimitTests
{
    private const int Limit = 10;

    [Fact(Timeout = 120000)]
    public async Task Hitting_the_inotify_watch_limit_is_one_watch_failed_naming_the_sysctl()
    {
        var ct = TestContext.Current.CancellationToken;
        var lower = $"echo {Limit} > /proc/sys/user/max_inotify_watches";
        if ((await Run(["unshare", "-U", "-r", "sh", "-c", lower], "/tmp", ct)).Status.ExitCode != 0)
        {
            Assert.Skip("no user namespaces here (unshare -U -r): the inotify limit cannot be lowered for one process");
        }

        await using var project = TestProject.Create("""
            services:
              app:
                command: ["sleep", "1000"]
                watch: { paths: ["src/**"], debounce: 100ms }
            """);
        for (var i = 0; i < 40; i++)
        {
            Directory.CreateDirectory(Path.Combine(project.Dir, "src", $"d{i:00}"));
        }

        var up = await Run(["unshare", "-U", "-r", "sh", "-c", lower + " && exec \"$0\" up -d", AuroraBinary.Path], project.Dir, ct);
        Assert.True(up.Status.ExitCode == 0, up.Output);

        // The root directory is watched first, so a change in it is still seen once the setup has reported the limit;
        // by the time that change is, every error the setup queued has been reported too.
        var follow = new Sink();
        var follower = Start([AuroraBinary.Path, "events", "-f", "--json"], project.Dir, follow);
        try
        {
            await Until(follow, "\"watch.failed\"", ct);
            File.WriteAllText(Path.Combine(project.Dir, "src", "app.py"), "changed");
            await Until(follow, "\"watch.changed\"", ct);
        }
        finally
        {
            await follower.StopAsync(15, TimeSpan.FromSeconds(2), CancellationToken.None).DefaultTimeout();
        }

        var failed = follow.Text.Split('\n').Where(l => l.Contains("\"watch.failed\"", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(failed);
        Assert.Contains("inotify watches has been reached", line);
        Assert.Contains("sysctl fs.inotify.max_user_watches=", line);
        Assert.Contains("\"app\"", line);
    }

    private static async Task Until(Sink sink, string text, CancellationToken ct)
    {
        var seen = sink.WaitFor(text);
        var first = await Task.WhenAny(seen, Task.Delay(TimeSpan.FromSeconds(60), TimeProvider.System, ct));
        Assert.True(first == seen, $"no {text} within 60 s; the events:\n" + sink.Text);
    }

    private static IRunningProcess Start(string[] argv, string cwd, IOutputSink sink) =>
        new PosixProcessLauncher().Start(new ProcessSpec([.. argv], cwd, TestChild.BaseEnvironment.SetItem("NO_COLOR", "1"), null, sink));

    private static async Task<(ExitStatus Status, string Output)> Run(string[] argv, string cwd, CancellationToken ct)
    {
        var sink = new Sink();
        var process = Start(argv, cwd, sink);
        var status = await process.Exited.WaitAsync(ct).DefaultTimeout(TimeSpan.FromSeconds(60));
        await sink.Completed.Task.DefaultTimeout();
        return (status, sink.Text);
    }

    /// Collects the output; WaitFor completes when a text appears in it.
    private sealed class Sink : IOutputSink
    {
        private readonly StringBuilder _all = new();
        private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Text
        {
            get
            {
                lock (_all)
                {
                    return _all.ToString();
                }
            }
        }

        public Task WaitFor(string text)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_all)
            {
                _waits.Add((text, seen));
                Check();
            }

            return seen.Task;
        }

        public void Write(ReadOnlySpan<byte> chunk)
        {
            lock (_all)
            {
                _all.Append(Encoding.UTF8.GetString(chunk));
                Check();
            }
        }

        private void Check()
        {
            var all = _all.ToString();
            foreach (var (text, seen) in _waits.Where(w => all.Contains(w.Text, StringComparison.Ordinal)))
            {
                seen.TrySetResult();
            }
        }

        public void Complete() => Completed.TrySetResult();
    }
}
