using System.Collections.Immutable;
using Aurora.Core.Processes;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Boot;

/// Runs a command to its end with the test environment plus some variables; stdout and stderr merged.
internal static class ProcessRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, IEnumerable<string> argv,
        params (string Name, string Value)[] env)
    {
        var output = new LineSink();
        var process = new PosixProcessLauncher().Start(new ProcessSpec([.. argv], directory, Environment(env), null, output));
        var status = await process.Exited.DefaultTimeout(TimeSpan.FromSeconds(60));
        await output.Completed.DefaultTimeout();
        return (status.ExitCode ?? -1, string.Concat(output.Lines.Select(l => l + "\n")));
    }

    public static Task<(int ExitCode, string Output)> Aurora(string directory, params string[] args) =>
        RunAsync(directory, [AuroraBinary.Path, .. args]);

    public static ImmutableDictionary<string, string> Environment(params (string Name, string Value)[] env) =>
        env.Aggregate(TestChild.BaseEnvironment.SetItem("NO_COLOR", "1"), (e, v) => e.SetItem(v.Name, v.Value));
}
