using Aurora.Porting.Import;

namespace Aurora.Porting.Tests.Import;

public sealed class SupervisordImportTests
{
    [Fact]
    public void Celery_worker_maps_restart_and_stop_and_keeps_priority_as_a_comment()
    {
        var (result, yaml) = Fixtures.Import("supervisord/celeryd/celeryd.conf");

        var celery = Assert.Single(result.Services);
        Assert.Equal(["celery", "worker", "-A", "proj", "---loglevel=INFO"], celery.Command);
        Assert.Equal(("always", TimeSpan.FromMinutes(10)), (celery.Restart.Policy, celery.StopTimeout!.Value));
        Assert.Empty(celery.DependsOn);
        Assert.Contains("# priority 998 in supervisord", yaml, StringComparison.Ordinal);
        Assert.Equal(["directory /path/to/project", "startsecs 10", "user nobody", "stdout_logfile/stderr_logfile", "killasgroup"],
            Fixtures.Skipped(result, "celery"));
    }

    [Fact]
    public void Celery_beat_is_one_service_with_its_schedule_file_argument()
    {
        var (result, _) = Fixtures.Import("supervisord/celerybeat/celerybeat.conf");

        var beat = Assert.Single(result.Services);
        Assert.Equal(["celery", "beat", "-A", "myapp", "--schedule", "/var/lib/celery/beat.db", "--loglevel=INFO"], beat.Command);
        Assert.Contains("user nobody", Fixtures.Skipped(result, "celerybeat"));
    }

    [Fact]
    public void Double_percent_is_a_percent_and_quotes_group_words()
    {
        var (result, _) = Fixtures.Import("supervisord/issue-986/supervisord.conf");

        var echo = Assert.Single(result.Services);
        Assert.Equal(["bash", "-c", "echo 'dhcrelay -d -q -a %h:%p %P -i Vlan1000 192.168.0.1'"], echo.Command);
        Assert.Equal("never", echo.Restart.Policy);
        Assert.Empty(Fixtures.Skipped(result, "echo"));
    }

    [Fact]
    public void An_event_listener_is_not_convertible_and_here_expands_to_the_files_directory()
    {
        var (result, _) = Fixtures.Import("supervisord/issue-565/supervisord.conf");

        var hello = Assert.Single(result.Services);
        Assert.Equal(["bash", Path.Combine(Fixtures.PathOf("supervisord/issue-565"), "hello.sh")], hello.Command);
        Assert.Equal(["listener"], result.NotConvertible.Select(n => n.Service));
        Assert.Equal(["stdout_events_enabled"], Fixtures.Skipped(result, "hello"));
    }

    [Fact]
    public void Environment_numprocs_signals_exit_codes_and_env_expansion_map()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-supervisord-").FullName;
        File.WriteAllText(Path.Combine(dir, "supervisord.conf"), """
            [supervisord]
            environment=SHARED="1"

            [program:web_app]
            command=/usr/bin/python3 -m http.server 80%(process_num)02d --directory %(ENV_HOME)s ; serve
            numprocs=3
            directory=%(here)s
            environment=A="x,y",B=2,SHARED=3
            autorestart=unexpected
            exitcodes=0,2
            stopsignal=INT
            startsecs=0
            autostart=false
            """);

        var result = Importer.Import(Path.Combine(dir, "supervisord.conf"), new(dir));
        var web = Assert.Single(result.Services);

        Assert.Equal("web_app", web.Name);
        Assert.Equal(["/usr/bin/python3", "-m", "http.server", "80{replica}", "--directory", "${HOME}"], web.Command);
        Assert.Equal([KeyValuePair.Create("A", "x,y"), KeyValuePair.Create("B", "2"), KeyValuePair.Create("SHARED", "3")], web.Env);
        Assert.Equal((3, "on-failure", "SIGINT"), (web.Replicas!.Value, web.Restart.Policy, web.StopSignal));
        Assert.Equal([0, 2], web.SuccessExitCodes);
        Assert.Equal(["manual"], web.Profiles);
        Assert.Equal(dir, web.Cwd);
    }
}
