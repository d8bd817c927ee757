namespace Aurora.Porting.Tests.Export;

/// Configs that exercise every key an exporter maps, with the files they name.
internal static class ExportConfigs
{
    public const string Full = """
        version: 1
        services:
          db:
            command: ["sleep", "infinity"]
            ports: [5432]
            health: { tcp: "127.0.0.1:5432", interval: 500ms }
            ready: { notify: true, watchdog: 10s, timeout: 45s }
            stop: { signal: SIGINT, timeout: 20s }
          migrate:
            command: ["sh", "-c", "echo migrated"]
            restart: { policy: never }
            success_exit_codes: [0, 3]
          api:
            command: ["./bin/serve", "--name", "100% $$HOME", "two words"]
            cwd: ./app
            env: { MODE: "a \"quoted\" % $$HOME value", DB_PASSWORD: "hunter22", SHARED: "from env" }
            env_file: app.env
            umask: "027"
            ports: [8080]
            depends_on: { db: ready, migrate: completed }
            restart:
              policy: always
              backoff: { initial: 1500ms, max: 1m }
              limit: { count: 4, within: 2m }
            limits: { memory: 256MiB, cpu: 150%, pids: 64 }
            health: { http: "http://127.0.0.1:8080/health?deep=1", interval: 5s, timeout: 2s, retries: 4, start_period: 12s }
          cache:
            command: "echo $$HOME && sleep 5"
            shell: true
            depends_on: { db: started }
            on_dependency_failure: keep
            health: { exec: ["sh", "-c", "test -e /tmp/ok"] }
          worker:
            command: ["sleep", "infinity"]
            replicas: 3
            depends_on: { api: healthy }
          nightly:
            command: ["sh", "-c", "echo report"]
            schedule: { cron: "30 2 * * MON-FRI", timezone: Europe/Berlin }
          tick:
            command: ["true"]
            schedule: { every: 90s }
          debugger:
            command: ["sleep", "infinity"]
            profiles: [debug]
          oddcron:
            command: ["true"]
            schedule: { cron: "0 0 1 * 1" }
        """;

    public static (string Path, string Text)[] FullFiles => [("app/bin/serve", "#!/bin/sh\n"), ("app.env", "SHARED=from file\nFROM_FILE=1\n")];

    public static ExportProject FullProject()
    {
        var project = new ExportProject(Full, FullFiles);
        File.SetUnixFileMode(Path.Combine(project.Directory, "app/bin/serve"), (UnixFileMode)0b111_101_101);
        return project;
    }

    /// Every service of Full with an image.
    public static string[] Names => ["db", "migrate", "api", "cache", "worker", "nightly", "tick", "debugger", "oddcron"];
}
