using Aurora.Porting.Export;
using Aurora.Porting.Export.Systemd;

namespace Aurora.Porting.Tests.Export;

public sealed class SystemdExportTests
{
    [Fact(Timeout = 60_000)]
    public async Task Demo_exports_units_that_systemd_analyze_verifies()
    {
        var config = ExportProject.LoadDemo();
        var result = SystemdExporter.Export(config, new ExportOptions("/tmp/out"));
        var dir = Directory.CreateTempSubdirectory("aur-export-demo-");
        try
        {
            await SystemdVerify.AssertCleanAsync(ExportProject.WriteTo(dir.FullName, result));
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        Assert.Equal(["demo-db.service", "demo-migrate.service", "demo-api.service", "demo-chat@.service", "demo-worker.service",
            "demo-report.service", "demo-report.timer", "demo.target"], result.Files.Select(f => f.Name));
        Assert.Contains("Wants=demo-db.service demo-migrate.service demo-api.service demo-chat@1.service demo-chat@2.service demo-worker.service demo-report.timer",
            result.File("demo.target").Text);
        var chat = result.File("demo-chat@.service").Text;
        Assert.Contains("Environment=\"PORT=502%i\" \"AURORA_REPLICA=%i\"", chat);
        var api = result.File("demo-api.service").Text;
        Assert.Contains("Requires=demo-db.service demo-migrate.service", api);
        Assert.Contains("EnvironmentFile=%E/aurora/demo/api.env", api);
        Assert.DoesNotContain(result.Files, f => f.Text.Contains("demo-secret-token"));
        Assert.Contains("Type=oneshot\nRemainAfterExit=yes", result.File("demo-migrate.service").Text);
        Assert.Contains("OnActiveSec=60s\nOnUnitActiveSec=60s", result.File("demo-report.timer").Text);
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "env API_TOKEN" });
        Assert.Contains(result.Omissions, o => o is { Service: "chat", What: "ready.log" });
    }

    [Fact(Timeout = 60_000)]
    public async Task Every_mapped_key_becomes_its_directive_and_verifies()
    {
        using var project = ExportConfigs.FullProject();
        var result = SystemdExporter.Export(project.Load(), new ExportOptions(project.Output));
        await SystemdVerify.AssertCleanAsync(project.Write(result));

        var db = result.File("shop-db.service").Text;
        Assert.Contains("Type=notify\nNotifyAccess=all\nTimeoutStartSec=45s\nWatchdogSec=10s", db);
        Assert.Contains("KillSignal=SIGINT\nTimeoutStopSec=20s", db);
        Assert.Contains("ExecStart=/usr/bin/sleep infinity", db);

        var api = result.File("shop-api.service").Text;
        Assert.Contains("Requires=shop-db.service shop-migrate.service\nAfter=shop-db.service shop-migrate.service", api);
        Assert.Contains("StartLimitIntervalSec=120s\nStartLimitBurst=5", api);
        Assert.Contains($"WorkingDirectory={project.Directory}/app", api);
        Assert.Contains("Environment=\"MODE=a \\\"quoted\\\" %% $HOME value\" \"SHARED=from env\"", api);
        Assert.Contains($"EnvironmentFile={project.Directory}/app.env", api);
        Assert.Contains("EnvironmentFile=%E/aurora/shop/api.env", api);
        Assert.DoesNotContain("hunter22", api);
        Assert.Contains($"ExecStart={project.Directory}/app/bin/serve --name \"100%% $$HOME\" \"two words\"", api);
        Assert.Contains("Restart=always\nRestartSec=1500ms", api);
        Assert.Contains("MemoryMax=268435456\nCPUQuota=150%\nTasksMax=64\nUMask=0027", api);

        var migrate = result.File("shop-migrate.service").Text;
        Assert.Contains("Type=oneshot\nRemainAfterExit=yes", migrate);
        Assert.Contains("SuccessExitStatus=3\nRestart=no", migrate);

        var cache = result.File("shop-cache.service").Text;
        Assert.Contains("Wants=shop-db.service\nAfter=shop-db.service", cache);
        Assert.Contains("ExecStart=/bin/sh -c \"echo $$HOME && sleep 5\"", cache);

        Assert.Contains("OnCalendar=Mon..Fri *-*-* 02:30:00 Europe/Berlin", result.File("shop-nightly.timer").Text);
        Assert.Contains("Type=oneshot\n", result.File("shop-nightly.service").Text);
        Assert.Contains("OnActiveSec=90s\nOnUnitActiveSec=90s", result.File("shop-tick.timer").Text);
        Assert.DoesNotContain(result.Files, f => f.Name == "shop-oddcron.timer");

        var target = result.File("shop.target").Text;
        Assert.Contains("Wants=shop-db.service shop-migrate.service shop-api.service shop-cache.service shop-worker@1.service shop-worker@2.service shop-worker@3.service shop-nightly.timer shop-tick.timer\n", target);
        Assert.Contains(result.Omissions, o => o is { Service: "debugger", What: "profiles: debug" });
        Assert.Contains(result.Omissions, o => o is { Service: "oddcron", What: "schedule" } && o.Why.Contains("OR"));
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "health" });
        Assert.Contains(result.Omissions, o => o is { Service: "api", What: "env DB_PASSWORD" });
    }

    [Fact]
    public void A_selected_profile_is_wanted_by_the_target()
    {
        using var project = ExportConfigs.FullProject();
        var result = SystemdExporter.Export(project.Load(), new ExportOptions(project.Output) { Profiles = ["debug"] });
        Assert.Contains("shop-debugger.service", result.File("shop.target").Text);
        Assert.DoesNotContain(result.Omissions, o => o.Service == "debugger" && o.What.StartsWith("profiles", StringComparison.Ordinal));
    }
}
