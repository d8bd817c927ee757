using System.Text;
using System.Threading.Channels;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Processes;
using Aurora.IntegrationTests.TestSupport;

namespace Aurora.IntegrationTests.Daemon;

public class ForegroundUpTests
{
    [Fact(Timeout = 60000)]
    public async Task Ctrl_c_on_a_foreground_up_stops_every_service_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create("""
            services:
              one:
                command: ["sh", "-c", "echo one $$$$; exec sleep 1000"]
              two:
                command: ["sh", "-c", "trap 'echo two got TERM; exit 0' TERM; echo two $$$$; while :; do sleep 1; done"]
                depends_on: [one]
            """);
        var lines = new LineChannel();
        var up = new PosixProcessLauncher().Start(new ProcessSpec([AuroraBinary.Path, "up"], project.Dir,
            TestChild.BaseEnvironment.SetItem("NO_COLOR", "1"), null, lines));

        var started = new List<int>();
        await foreach (var line in lines.Reader.ReadAllAsync(ct).WithCancellation(ct))
        {
            if (line.Contains("service.started", StringComparison.Ordinal))
            {
                started.Add(int.Parse(line[(line.IndexOf("pid=", StringComparison.Ordinal) + 4)..].Split(' ')[0]));
            }

            if (started.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(0, Os.Kill(up.Pid, Signals.SIGINT));
        var status = await up.Exited.DefaultTimeout();
        Assert.Equal(0, status.ExitCode);
        Assert.All(started, pid => Assert.False(ProcessTable.Exists(pid) && ProcessTable.Read(pid) is { IsZombie: false }, $"pid {pid} survived"));
        Assert.Contains("two got TERM", File.ReadAllText(Path.Combine(project.Paths.Logs, "two.log")));
        Assert.False(File.Exists(project.Paths.Socket));
    }

    private sealed class LineChannel : IOutputSink
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _partial = new();

        public ChannelReader<string> Reader => _lines.Reader;

        public void Write(ReadOnlySpan<byte> chunk)
        {
            _partial.Append(Encoding.UTF8.GetString(chunk));
            var text = _partial.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            foreach (var line in text[..end].Split('\n'))
            {
                _lines.Writer.TryWrite(line);
            }

            _partial.Clear().Append(text[(end + 1)..]);
        }

        public void Complete() => _lines.Writer.TryComplete();
    }
}
