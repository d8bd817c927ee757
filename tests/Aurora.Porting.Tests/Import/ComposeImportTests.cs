namespace Aurora.Porting.Tests.Import;

public sealed class ComposeImportTests
{
    [Fact]
    public void Mastodon_converts_the_services_with_a_command_and_lists_image_only_ones()
    {
        var (result, _) = Fixtures.Import("compose/mastodon/docker-compose.yml");

        Assert.Equal(["web", "streaming", "sidekiq"], result.Services.Select(s => s.Name));
        Assert.Equal(["db", "redis"], result.NotConvertible.Select(n => n.Service));
        var web = Fixtures.Service(result, "web");
        Assert.Equal(["bundle", "exec", "puma", "-C", "config/puma.rb"], web.Command);
        Assert.Equal([3000], web.Ports);
        Assert.Equal(["/bin/sh", "-c", "curl -s --noproxy localhost localhost:3000/health | grep -q 'OK' || exit 1"], web.Health!.Exec);
        Assert.Equal("always", web.Restart.Policy);
        Assert.Empty(web.DependsOn);
        Assert.Contains("depends_on db (started)", Fixtures.Skipped(result, "web"));
        Assert.Contains("env_file .env.production", Fixtures.Skipped(result, "web"));
        Assert.Contains("volumes", Fixtures.Skipped(result, "web"));
    }

    [Fact]
    public void Netbox_applies_the_merge_key_with_its_overrides_and_joins_entrypoint_and_command()
    {
        var (result, _) = Fixtures.Import("compose/netbox-docker/docker-compose.yml");

        Assert.Equal(["netbox-worker", "nginx", "redis"], result.Services.Select(s => s.Name));
        Assert.Equal(["netbox", "postgres"], result.NotConvertible.Select(n => n.Service));
        var worker = Fixtures.Service(result, "netbox-worker");
        Assert.Equal(["python3", "/opt/netbox/netbox/manage.py", "rqworker"], worker.Command);
        Assert.Equal([KeyValuePair.Create("redis", "started")], worker.DependsOn);
        Assert.Equal(["redis-server", "--appendonly", "yes"], Fixtures.Service(result, "redis").Command);
        Assert.Equal("never", Fixtures.Service(result, "redis").Restart.Policy);
        Assert.Contains("ports 8080", Fixtures.Skipped(result, "nginx"));
        Assert.Contains("depends_on netbox (started)", Fixtures.Skipped(result, "nginx"));
    }

    [Fact]
    public void Supabase_keeps_conditions_health_timings_and_interpolation()
    {
        var (result, _) = Fixtures.Import("compose/supabase/docker-compose.yml");

        Assert.Equal(["kong", "rest", "functions", "db", "vector", "supavisor"], result.Services.Select(s => s.Name));
        Assert.Equal(["analytics"], result.NotConvertible.Select(n => n.Service));
        Assert.Equal(["bash", "-c", "eval \"echo \\\"$$(cat ~/temp.yml)\\\"\" > ~/kong.yml && /docker-entrypoint.sh kong docker-start"],
            Fixtures.Service(result, "kong").Command);
        Assert.Equal([KeyValuePair.Create("db", "healthy")], Fixtures.Service(result, "rest").DependsOn);
        Assert.Equal([KeyValuePair.Create("vector", "healthy")], Fixtures.Service(result, "db").DependsOn);
        var db = Fixtures.Service(result, "db").Health!;
        Assert.Equal(["pg_isready", "-U", "postgres", "-h", "localhost"], db.Exec);
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), 10), (db.Interval!.Value, db.Timeout!.Value, db.Retries!.Value));
        Assert.Equal("postgres://authenticator:${POSTGRES_PASSWORD}@${POSTGRES_HOST}:${POSTGRES_PORT}/${POSTGRES_DB}",
            Fixtures.Service(result, "rest").Env.Single(e => e.Key == "PGRST_DB_URI").Value);
        Assert.Contains("ports ${POSTGRES_PORT}:5432", Fixtures.Skipped(result, "supavisor"));
        Assert.Contains("security_opt", Fixtures.Skipped(result, "vector"));
    }

    [Fact]
    public void Durations_sizes_conditions_profiles_and_deploy_map_to_their_keys()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-compose-").FullName;
        File.WriteAllText(Path.Combine(dir, "compose.yaml"), """
            x-common: &common
              restart: on-failure:3
            services:
              db:
                command: ["redis-server", "--port", "6390"]
                healthcheck: { test: ["CMD-SHELL", "redis-cli ping"], interval: 1m30s, timeout: 500ms, start_period: 10s }
              api:
                <<: *common
                command: python3 app.py
                environment: [MODE=dev, HOME_DIR]
                depends_on: { db: { condition: service_healthy }, migrate: { condition: service_completed_successfully } }
                stop_signal: SIGINT
                stop_grace_period: 1m
                profiles: [debug]
                ports: ["127.0.0.1:8080:80", "9000-9001:9000-9001", "53:53/udp"]
                deploy: { replicas: 2, resources: { limits: { memory: 512m, cpus: "0.5" } } }
                x-note: ignored
              migrate:
                command: ["python3", "migrate.py"]
            """);

        var result = Aurora.Porting.Import.Importer.Import(Path.Combine(dir, "compose.yaml"), new(dir));
        var api = Fixtures.Service(result, "api");

        Assert.Equal(TimeSpan.FromSeconds(90), Fixtures.Service(result, "db").Health!.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), Fixtures.Service(result, "db").Health!.Timeout);
        Assert.Equal([KeyValuePair.Create("db", "healthy"), KeyValuePair.Create("migrate", "completed")], api.DependsOn);
        Assert.Equal([KeyValuePair.Create("MODE", "dev"), KeyValuePair.Create("HOME_DIR", "${HOME_DIR}")], api.Env);
        Assert.Equal(("on-failure", 3), (api.Restart.Policy, api.Restart.LimitCount!.Value));
        Assert.Equal(("SIGINT", TimeSpan.FromMinutes(1)), (api.StopSignal, api.StopTimeout!.Value));
        Assert.Equal([8080, 9000, 9001], api.Ports);
        Assert.Equal((2, 512L << 20, 50.0), (api.Replicas!.Value, api.MemoryLimit!.Value, api.CpuPercent!.Value));
        Assert.Equal(["debug"], api.Profiles);
        Assert.Equal(["ports 53:53/udp"], Fixtures.Skipped(result, "api"));
        Assert.Empty(Fixtures.Validate(Aurora.Porting.Import.AuroraYamlWriter.Write(result), dir));
    }
}
