using Aurora.Core.Processes;
using Aurora.IntegrationTests.Processes;

namespace Aurora.IntegrationTests.Doctor;

/// The real tools the doctor tests lean on: the committed test data (tests/data/doctor, beside the built
/// `aurora`), `cp -a` to copy it (pnpm's symlinks included), and `python3 -m venv` to build a virtualenv offline.
internal static class DoctorFiles
{
    /// src/Aurora.Cli/bin/CONFIG/TFM/aurora → the repository root is five levels up.
    public static string Data(string relative) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(AuroraBinary.Path)!, "..", "..", "..", "..", "..", "tests", "data", "doctor", relative));

    public static Task CopyAsync(string data, string target, CancellationToken ct) => RunAsync(ct, "cp", "-a", Data(data), target);

    /// A virtualenv made with ensurepip's bundled wheels (no index is reachable): pip (and setuptools before 3.12).
    public static Task CreateVenvAsync(string directory, CancellationToken ct) => RunAsync(ct, "python3", "-m", "venv", directory);

    public static async Task<string> RunAsync(CancellationToken ct, params string[] argv)
    {
        var output = new LineSink();
        var process = new PosixProcessLauncher().Start(TestChild.Command(output, null, argv));
        var status = await process.Exited.WaitAsync(ct).DefaultTimeout(TimeSpan.FromSeconds(90));
        await output.Completed.DefaultTimeout();
        var text = string.Join("\n", output.Lines);
        Assert.True(status.ExitCode == 0, $"{string.Join(' ', argv)} exited {status.ExitCode}: {text}");
        return text;
    }
}
