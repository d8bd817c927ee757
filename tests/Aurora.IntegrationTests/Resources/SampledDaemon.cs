using Aurora.Cli.Client;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Resources;

/// A daemon run in the test process for a project, with a control client and stream connections.
internal sealed class SampledDaemon : IAsyncDisposable
{
    private readonly List<SampleStream> _streams = [];

    private SampledDaemon(TestProject project, RunningDaemon daemon)
    {
        Project = project;
        Daemon = daemon;
        Client = new ControlClient(project.Paths);
    }

    public TestProject Project { get; }

    public RunningDaemon Daemon { get; }

    public ControlClient Client { get; }

    /// Writes the config (and the files, relative to the project) and starts the daemon.
    public static async Task<SampledDaemon> StartAsync(string yaml, params (string Name, string Text)[] files)
    {
        var project = TestProject.Create(yaml);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(project.Dir, name), text);
        }

        return new SampledDaemon(project, await project.StartDaemonAsync());
    }

    public async Task<SampleStream> ConnectAsync(string query = "after=0")
    {
        var stream = await SampleStream.ConnectAsync(Client, query, TestContext.Current.CancellationToken);
        _streams.Add(stream);
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams)
        {
            await stream.DisposeAsync();
        }

        Client.Dispose();
        await Daemon.DisposeAsync();
        await Project.DisposeAsync();
    }
}
