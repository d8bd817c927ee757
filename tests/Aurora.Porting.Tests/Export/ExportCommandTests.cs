namespace Aurora.Porting.Tests.Export;

/// The built `aurora` binary: what `aurora export` writes, lists and refuses.
public sealed class ExportCommandTests
{
    private const string Config = """
        version: 1
        services:
          db:
            command: ["redis-server", "--port", "6390"]
          api:
            command: ["python3", "-m", "http.server", "8080"]
            depends_on: [db]
            watch: { paths: ["src/**"] }
        """;

    [Fact(Timeout = 60_000)]
    public async Task Writes_units_lists_what_it_cannot_carry_and_refuses_a_service_without_an_image()
    {
        using var project = new ExportProject(Config);

        var systemd = await AuroraCli.Run(project.Directory, "export", "systemd", "-o", "units");
        Assert.True(systemd.Code == 0, systemd.Err + systemd.Out);
        Assert.True(File.Exists(Path.Combine(project.Directory, "units", "shop-api.service")), systemd.Out);
        Assert.Contains("watch", systemd.Out + systemd.Err, StringComparison.Ordinal);

        var noImage = await AuroraCli.Run(project.Directory, "export", "compose", "-o", "c1", "--image", "api=example.org/api:1");
        Assert.Contains("db", noImage.Out + noImage.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("  db:\n", File.ReadAllText(Path.Combine(project.Directory, "c1", "compose.yaml")), StringComparison.Ordinal);

        var unknown = await AuroraCli.Run(project.Directory, "export", "compose", "--image", "nosuch=example.org/x:1");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("there is no service nosuch", unknown.Err, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_config_with_errors_is_refused_with_its_errors()
    {
        using var project = new ExportProject("version: 1\nservices:\n  api:\n    comand: [\"x\"]\n");
        var result = await AuroraCli.Run(project.Directory, "export", "systemd", "-o", "units");
        Assert.Equal(2, result.Code);
        Assert.Contains("aurora.yaml:4:5", result.Err + result.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "units")));
    }
}
