using Aurora.Porting.Import;

namespace Aurora.Porting.Tests.Import;

public sealed class Pm2ImportTests
{
    [Fact]
    public void Process_json_maps_instances_max_and_lists_a_tiny_memory_limit_a_bad_watch_and_cluster_mode()
    {
        var (result, _) = Fixtures.Import("pm2/process-json/process.json");

        var app = Assert.Single(result.Services);
        Assert.Equal("hapi_playground", app.Name);
        Assert.Equal(["node", "--harmony", "child.js"], app.Command);
        Assert.Equal(4, app.Replicas);
        Assert.Equal("always", app.Restart.Policy);
        Assert.Null(app.MemoryLimit);
        Assert.Equal(["cwd examples", "exec_mode cluster_mode", "max_memory_restart 160", "watch \"truee\"", "logs"],
            Fixtures.Skipped(result, "hapi_playground"));
    }

    [Fact]
    public void A_bare_array_of_apps_names_an_unnamed_app_after_its_script()
    {
        var (result, _) = Fixtures.Import("pm2/all-json/all.json");

        Assert.Equal(["echo", "child", "api-2"], result.Services.Select(s => s.Name));
        Assert.Equal([null, 4, 3], result.Services.Select(s => s.Replicas));
        Assert.Equal(["node", "./server.js"], Fixtures.Service(result, "api-2").Command);
        Assert.Equal(["logs"], Fixtures.Skipped(result, "child"));
    }

    [Fact]
    public void Env_is_carried_and_deploy_is_listed()
    {
        var (result, _) = Fixtures.Import("pm2/env-ecosystem/env-ecosystem.json");

        var app = Assert.Single(result.Services);
        Assert.Equal([KeyValuePair.Create("NODE_ENV", "production")], app.Env);
        Assert.Equal(["deploy"], Fixtures.Skipped(result, null));
    }

    [Fact]
    public void A_js_file_is_refused_without_allow_js()
    {
        var e = Assert.Throws<ImportException>(() => Fixtures.Import("pm2/cluster-http-js/ecosystem.config.js"));
        Assert.Contains("--allow-js", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_settings_memory_and_cron_restart_map_or_are_listed()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-pm2-").FullName;
        File.WriteAllText(Path.Combine(dir, "ecosystem.config.json"), """
            {"apps": [{"name": "api", "script": "server.py", "args": ["--port", "5001"], "max_memory_restart": "300M",
              "max_restarts": 10, "exp_backoff_restart_delay": 100, "cron_restart": "0 * * * *", "kill_timeout": 3000,
              "env": {"API_TOKEN": "s3cret$1"}},
             {"name": "once", "script": "npm", "args": "run build", "autorestart": false, "restart_delay": 2000, "instances": -1}]}
            """);

        var result = Importer.Import(Path.Combine(dir, "ecosystem.config.json"), new(dir) { ProcessorCount = 4 });
        var api = Fixtures.Service(result, "api");
        var once = Fixtures.Service(result, "once");

        Assert.Equal(["python", "server.py", "--port", "5001"], api.Command);
        Assert.Equal(300L << 20, api.MemoryLimit);
        Assert.Equal(("always", 10, 1.5), (api.Restart.Policy, api.Restart.LimitCount!.Value, api.Restart.BackoffMultiplier!.Value));
        Assert.Equal(TimeSpan.FromSeconds(3), api.StopTimeout);
        Assert.Equal("s3cret$$1", api.Env.Single().Value);
        Assert.Equal(["cron_restart 0 * * * *"], Fixtures.Skipped(result, "api"));
        Assert.Equal(["npm", "run", "build"], once.Command);
        Assert.Equal(("never", TimeSpan.FromSeconds(2), 3), (once.Restart.Policy, once.Restart.BackoffInitial!.Value, once.Replicas!.Value));
        Assert.Empty(Fixtures.Validate(AuroraYamlWriter.Write(result), dir));
    }
}
