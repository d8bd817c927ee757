namespace Aurora.Porting.Tests.Import;

public sealed class EveryFixtureValidatesTests
{
    public static TheoryData<string> Files() =>
    [
        "procfile/warehouse/Procfile", "procfile/mastodon/Procfile", "procfile/mastodon-dev/Procfile.dev",
        "compose/mastodon/docker-compose.yml", "compose/netbox-docker/docker-compose.yml", "compose/supabase/docker-compose.yml",
        "pm2/process-json/process.json", "pm2/all-json/all.json", "pm2/env-ecosystem/env-ecosystem.json",
        "supervisord/celeryd/celeryd.conf", "supervisord/celerybeat/celerybeat.conf", "supervisord/issue-986/supervisord.conf",
        "supervisord/issue-565/supervisord.conf",
        "process-compose/root/process-compose.yaml", "process-compose/issue-111/process-compose.yaml",
        "process-compose/demo/process-compose.yaml",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Imported_file_loads_with_no_error_and_no_warning(string file)
    {
        var output = Directory.CreateTempSubdirectory("aurora-import-").FullName;
        var (result, yaml) = Fixtures.Import(file, output);

        Assert.NotEmpty(result.Services);
        Assert.Empty(Fixtures.Validate(yaml, output).Select(d => d.ToString()));
    }
}
