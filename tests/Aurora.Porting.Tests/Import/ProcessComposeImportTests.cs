namespace Aurora.Porting.Tests.Import;

public sealed class ProcessComposeImportTests
{
    [Fact]
    public void Root_file_renames_underscored_names_maps_conditions_probes_and_lists_what_has_no_equivalent()
    {
        var (result, _) = Fixtures.Import("process-compose/root/process-compose.yaml");

        Assert.Equal(["process0", "process1", "process2", "process3", "process4", "process5", "server", "kcalc", "pc_log", "pc_log_client", "bat_config"],
            result.Services.Select(s => s.Name));
        var p1 = Fixtures.Service(result, "process1");
        Assert.Equal(["bash", "-c", "./test_loop.bash $${PROC4}"], p1.Command);
        Assert.Equal([KeyValuePair.Create("process2", "completed"), KeyValuePair.Create("process3", "exited")], p1.DependsOn);
        Assert.Equal(("on-failure", TimeSpan.FromSeconds(2), "SIGTERM"), (p1.Restart.Policy, p1.Restart.BackoffInitial!.Value, p1.StopSignal));
        Assert.Equal(["bash", "-c", "ps -ef | grep -v grep | grep process4"], Fixtures.Service(result, "process4").Health!.Exec);
        Assert.Equal("http://127.0.0.1:404{replica}/", Fixtures.Service(result, "server").Health!.Http);
        Assert.Equal(["disabled"], Fixtures.Service(result, "kcalc").Profiles);
        Assert.Equal("/", Fixtures.Service(result, "process0").Cwd);
        Assert.Contains("depends_on nginx (healthy)", Fixtures.Skipped(result, "process3"));
        Assert.Contains("http_get https://google.com", Fixtures.Skipped(result, "process2"));
        Assert.Contains("log_location", Fixtures.Skipped(result, "process2"));
        Assert.Contains("namespace", Fixtures.Skipped(result, "process5"));
        Assert.Contains("is_tty", Fixtures.Skipped(result, "server"));
    }

    [Fact]
    public void Issue_111_keeps_healthy_conditions_on_processes_with_readiness_probes()
    {
        var (result, _) = Fixtures.Import("process-compose/issue-111/process-compose.yaml");

        Assert.Equal(["proca", "procb", "procc", "pc_log"], result.Services.Select(s => s.Name));
        Assert.Equal(["bash", "-c", "exit 1"], Fixtures.Service(result, "proca").Command);
        Assert.Equal(["echo", "I shouldn't run"], Fixtures.Service(result, "procb").Command);
        Assert.Equal([KeyValuePair.Create("proca", "healthy")], Fixtures.Service(result, "procb").DependsOn);
        var health = Fixtures.Service(result, "proca").Health!;
        Assert.Equal(["pidof", "process-compose"], health.Exec!);
        Assert.Equal((20, TimeSpan.FromSeconds(1)), (health.Retries!.Value, health.StartPeriod!.Value));
        Assert.Equal(["namespace"], Fixtures.Skipped(result, "pc_log"));
    }

    [Fact]
    public void Demo_scripts_run_with_bash_and_their_dollars_are_left_to_it()
    {
        var (result, _) = Fixtures.Import("process-compose/demo/process-compose.yaml");

        Assert.Equal(["redis", "postgres", "api-server", "web-app", "scheduler", "lazygit"], result.Services.Select(s => s.Name));
        var api = Fixtures.Service(result, "api-server");
        Assert.Equal(["bash", "-c"], api.Command.Take(2));
        Assert.Contains("code=$$((RANDOM % 2 == 0 ? 200 : 201))", api.Command[2], StringComparison.Ordinal);
        Assert.Equal([KeyValuePair.Create("redis", "healthy"), KeyValuePair.Create("postgres", "healthy")], api.DependsOn);
        Assert.Equal(["is_interactive"], Fixtures.Skipped(result, "lazygit"));
    }
}
