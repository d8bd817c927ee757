using System.Collections.Immutable;
using Aurora.Core.Processes;

namespace Aurora.IntegrationTests.Processes;

/// Locates the built Aurora.TestChild and builds specs that run it with the dotnet host.
internal static class TestChild
{
    private static readonly Lazy<string> Dll = new(FindDll);

    /// The environment children get: only what the dotnet host needs.
    public static ImmutableDictionary<string, string> BaseEnvironment { get; } = ImmutableDictionary<string, string>.Empty
        .Add("PATH", Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
        .Add("HOME", Environment.GetEnvironmentVariable("HOME") ?? "/tmp")
        .Add("DOTNET_CLI_TELEMETRY_OPTOUT", "1");

    public static string NewTag() => "test-" + Guid.NewGuid().ToString("N")[..12];

    public static ProcessSpec Spec(IOutputSink? output, string? tag, params string[] args) =>
        new([DotnetHost(), Dll.Value, .. args], Environment.CurrentDirectory, BaseEnvironment, tag, output);

    public static ProcessSpec Command(IOutputSink? output, string? tag, params string[] argv) =>
        new([.. argv], Environment.CurrentDirectory, BaseEnvironment, tag, output);

    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "dotnet";
    }

    // ReferenceOutputAssembly=false copies the apphost, deps and runtimeconfig next to the tests but
    // not the dll, so fall back to the TestChild project's own output for the same configuration.
    private static string FindDll()
    {
        const string name = "Aurora.TestChild.dll";
        var baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var beside = Path.Combine(baseDir, name);
        if (File.Exists(beside))
        {
            return beside;
        }

        var tfm = Path.GetFileName(baseDir);
        var configuration = Path.GetFileName(Path.GetDirectoryName(baseDir)!);
        for (var dir = new DirectoryInfo(baseDir); dir is not null; dir = dir.Parent)
        {
            foreach (var project in new[] { "Aurora.TestChild", Path.Combine("tests", "Aurora.TestChild") })
            {
                var candidate = Path.Combine(dir.FullName, project, "bin", configuration, tfm, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{name} not found beside {baseDir} nor in tests/Aurora.TestChild/bin/{configuration}/{tfm}; build the solution first.");
    }
}
