using Aurora.Core.Diagnosis;
using static Aurora.Core.Tests.Diagnosis.Failures;

namespace Aurora.Core.Tests.Diagnosis;

public class MissingDependencyTests
{
    [Theory]
    [InlineData(127, "sh: 1: frobnicate: not found")]
    [InlineData(127, "bash: frobnicate: command not found")]
    [InlineData(127, "env: ‘frobnicate’: No such file or directory")]
    [InlineData(127, "sh: 1: ./shebang.py: not found")]
    [InlineData(127, "bash: ./shebang.py: cannot execute: required file not found")]
    [InlineData(127, "bash: ./.venv/bin/python: No such file or directory")]
    [InlineData(127, "./server: error while loading shared libraries: libgreet.so: cannot open shared object file: No such file or directory")]
    [InlineData(1, RealOutput.NodeSpawnEnoent)]
    [InlineData(1, RealOutput.PythonSpawnEnoent)]
    [InlineData(1, RealOutput.PythonModuleMissing)]
    [InlineData(1, RealOutput.PythonImportError)]
    [InlineData(1, RealOutput.NodeModuleMissing)]
    [InlineData(1, RealOutput.NodeEsmPackageMissing)]
    public void Real_missing_dependencies_are_recognised(int code, string output) =>
        Assert.Equal(Causes.MissingDependency, Diagnose(Exit(code, output)).Cause);

    [Fact]
    public void Missing_shared_library_is_named_in_the_summary()
    {
        var d = Diagnose(Exit(127, RealOutput.SharedLibraryMissing));
        Assert.Equal(Causes.MissingDependency, d.Cause);
        Assert.Contains("libgreet.so: cannot open shared object file", d.Summary);
    }

    [Fact]
    public void Missing_dotnet_assembly_aborting_the_runtime_is_a_missing_dependency()
    {
        var d = Diagnose(Killed(6, RealOutput.DotnetAssemblyMissing));
        Assert.Equal(Causes.MissingDependency, d.Cause);
        Assert.Contains("Could not load file or assembly 'Greet, Version=1.0.0.0", d.Evidence[0]);
    }

    [Fact]
    public void Python_subprocess_that_cannot_find_its_program_is_a_missing_dependency_but_a_missing_data_file_is_not()
    {
        Assert.Equal("FileNotFoundError: [Errno 2] No such file or directory: 'ffmpeg-worker'",
            Assert.Single(Diagnose(Exit(1, RealOutput.PythonSpawnEnoent)).Evidence));
        const string dataFile = """
            Traceback (most recent call last):
              File "/srv/app.py", line 3, in <module>
                open("settings.json")
            FileNotFoundError: [Errno 2] No such file or directory: 'settings.json'
            """;
        Assert.Equal(Causes.Unknown, Diagnose(Exit(1, dataFile)).Cause);
    }

    [Fact]
    public void A_shebang_interpreter_that_does_not_exist_fails_the_spawn_with_127()
    {
        var d = Diagnose(Exit(127, "") with { SpawnError = "cannot start './app.py': No such file or directory" });
        Assert.Equal(Causes.MissingDependency, d.Cause);
        Assert.Equal("cannot start './app.py': No such file or directory", d.Evidence[0]);
    }
}
