namespace Aurora.Porting.Tests.Import;

public sealed class ProcfileImportTests
{
    [Fact]
    public void Warehouse_splits_plain_lines_runs_shell_lines_with_a_shell_and_lists_release()
    {
        var (result, _) = Fixtures.Import("procfile/warehouse/Procfile");

        Assert.Equal(["web", "web-api", "web-uploads", "worker", "worker-beat", "worker-traced"], result.Services.Select(s => s.Name));
        Assert.Equal(["ddtrace-run", "python", "granian-prod.py"], Fixtures.Service(result, "web").Command);
        var worker = Fixtures.Service(result, "worker");
        Assert.True(worker.Shell);
        Assert.Equal("celery -A warehouse worker --concurrency=$${CELERY_CONCURRENCY:-1} -Q default -l info --max-tasks-per-child 1024", worker.Command[0]);
        Assert.Equal("5100", Fixtures.Service(result, "web").Env.Single(e => e.Key == "PORT").Value);
        Assert.Equal(["release"], result.NotConvertible.Select(n => n.Service));
    }

    [Fact]
    public void Mastodon_lists_release_and_keeps_the_rest_as_argv()
    {
        var (result, _) = Fixtures.Import("procfile/mastodon/Procfile");

        Assert.Equal(["web", "worker"], result.Services.Select(s => s.Name));
        Assert.Equal(["bundle", "exec", "foreman", "start", "-f", "Procfile.heroku"], Fixtures.Service(result, "web").Command);
        Assert.Equal(["bundle", "exec", "sidekiq"], Fixtures.Service(result, "worker").Command);
        Assert.Single(result.NotConvertible);
    }

    [Fact]
    public void Leading_assignments_become_env_and_the_command_stays_argv()
    {
        var (result, _) = Fixtures.Import("procfile/mastodon-dev/Procfile.dev");

        Assert.Equal(["web", "sidekiq", "stream", "webpack"], result.Services.Select(s => s.Name));
        var web = Fixtures.Service(result, "web");
        Assert.False(web.Shell);
        Assert.Equal(["bundle", "exec", "puma", "-C", "config/puma.rb"], web.Command);
        Assert.Equal("3000", web.Env.Single(e => e.Key == "PORT").Value);
        Assert.Equal("4000", Fixtures.Service(result, "stream").Env.Single(e => e.Key == "PORT").Value);
        Assert.Empty(web.Ports);
        Assert.Empty(result.NotCarried);
    }

    [Fact]
    public void A_command_reading_PORT_declares_it_and_a_dotenv_beside_becomes_env_file()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-procfile-").FullName;
        File.WriteAllText(Path.Combine(dir, "Procfile"), "web: gunicorn app:app --bind 0.0.0.0:$PORT\nworker: python worker.py\n");
        File.WriteAllText(Path.Combine(dir, ".env"), "SECRET_KEY=abc\n");

        var result = Aurora.Porting.Import.Importer.Import(Path.Combine(dir, "Procfile"), new(dir));
        var yaml = Aurora.Porting.Import.AuroraYamlWriter.Write(result);

        var web = Fixtures.Service(result, "web");
        Assert.Equal([5000], web.Ports);
        Assert.True(web.Shell);
        Assert.Equal("./.env", web.EnvFile);
        Assert.Equal(["python", "worker.py"], Fixtures.Service(result, "worker").Command);
        Assert.Empty(Fixtures.Validate(yaml, dir));
    }
}
