using Aurora.Core.Diagnosis;
using static Aurora.Core.Tests.Diagnosis.Failures;

namespace Aurora.Core.Tests.Diagnosis;

public class PermissionDeniedTests
{
    [Fact]
    public void A_script_that_is_not_executable_fails_the_spawn_and_names_it()
    {
        var d = Diagnose(Exit(126, "") with { SpawnError = "cannot start './run.sh': Permission denied" });
        Assert.Equal(Causes.PermissionDenied, d.Cause);
        Assert.Equal(["./run.sh"], d.Paths);
    }

    [Theory]
    [InlineData(RealOutput.DashStartScriptToolNotExecutable)]
    [InlineData(RealOutput.BashStartScriptToolNotExecutable)]
    public void A_start_script_calling_a_project_tool_that_lost_its_execute_bit_names_the_tool(string output)
    {
        var d = Diagnose(Exit(126, output));
        Assert.Equal(Causes.PermissionDenied, d.Cause);
        Assert.Equal(["./bin/migrate"], d.Paths);
        Assert.Contains("./bin/migrate", d.Summary);
    }

    [Theory]
    [InlineData(RealOutput.PythonSpawnEacces, "./bin/migrate")]
    [InlineData(RealOutput.NodeSpawnEacces, "./bin/migrate")]
    [InlineData(RealOutput.PythonOpenEacces, "rootonly/x.db")]
    [InlineData(RealOutput.NodeOpenEacces, "rootonly/x.db")]
    public void Eacces_from_the_service_names_the_path(string output, string path)
    {
        var d = Diagnose(Exit(1, output));
        Assert.Equal(Causes.PermissionDenied, d.Cause);
        Assert.Equal([path], d.Paths);
    }

    [Theory]
    [InlineData(RealOutput.PythonPrivilegeDropEperm)]
    [InlineData(RealOutput.NodePrivilegeDropEperm)]
    public void A_failed_privilege_drop_is_permission_denied(string output) =>
        Assert.Equal(Causes.PermissionDenied, Diagnose(Exit(1, output)).Cause);

    [Fact]
    public void Node_setgid_failure_says_the_privilege_drop_failed() =>
        Assert.Contains("privilege drop failed", Diagnose(Exit(1, RealOutput.NodePrivilegeDropEperm)).Summary);

    [Fact]
    public void The_healer_can_read_the_paths_back_from_published_evidence() =>
        Assert.Equal(["./bin/migrate", "data/app.db"], PermissionDeniedClassifier.NamedPaths(
            ["start.sh: 4: ./bin/migrate: Permission denied", "Error: EACCES: permission denied, open 'data/app.db'", "no path here"]));
}
