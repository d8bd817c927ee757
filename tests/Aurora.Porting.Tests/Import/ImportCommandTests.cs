namespace Aurora.Porting.Tests.Import;

/// The built `aurora` binary: detection in the current directory, --dry-run, --force, and --allow-js.
public sealed class ImportCommandTests
{
    [Fact(Timeout = 60_000)]
    public async Task Detects_the_file_here_refuses_to_overwrite_without_force_and_prints_with_dry_run()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-import-cli-").FullName;
        File.WriteAllText(Path.Combine(dir, "Procfile"), "web: python3 -m http.server $PORT\nworker: python3 worker.py\n");

        var dry = await Run(dir, "import", "--dry-run");
        Assert.Equal(0, dry.Code);
        Assert.Contains("  web:", dry.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "aurora.yaml")));

        var first = await Run(dir, "import");
        Assert.Equal(0, first.Code);
        Assert.Contains("imported 2 services from Procfile", first.Out, StringComparison.Ordinal);
        var written = File.ReadAllText(Path.Combine(dir, "aurora.yaml"));

        File.WriteAllText(Path.Combine(dir, "Procfile"), "web: python3 app.py\n");
        var refused = await Run(dir, "import");
        Assert.Equal(2, refused.Code);
        Assert.Contains("--force", refused.Err, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(Path.Combine(dir, "aurora.yaml")));

        var forced = await Run(dir, "import", "--force");
        Assert.Equal(0, forced.Code);
        Assert.Contains("imported 1 service from Procfile", forced.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Evaluates_a_js_ecosystem_only_with_allow_js()
    {
        var dir = Directory.CreateTempSubdirectory("aurora-import-js-").FullName;
        File.Copy(Fixtures.PathOf("pm2/cluster-http-js/ecosystem.config.js"), Path.Combine(dir, "ecosystem.config.js"));

        var refused = await Run(dir, "import", "ecosystem.config.js", "--dry-run");
        Assert.Equal(2, refused.Code);

        var allowed = await Run(dir, "import", "--allow-js", "--dry-run");
        Assert.Equal(0, allowed.Code);
        Assert.Contains("  clustered_http:", allowed.Out, StringComparison.Ordinal);
        Assert.Contains("  forked_app:", allowed.Out, StringComparison.Ordinal);
        Assert.Contains("PORT: \"8001\"", allowed.Out, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Out, string Err)> Run(string dir, params string[] args) => AuroraCli.Run(dir, args);
}
