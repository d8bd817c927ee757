namespace Aurora.Core.Tests.Config;

public sealed class CommandTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Argv_list_is_kept_as_written()
    {
        var api = _project.Load("""
            services:
              api: { command: ["python3", "-c", "print('a b')", 5] }
            """).Config!.Services[0];

        Assert.Equal(["python3", "-c", "print('a b')", "5"], api.Command);
    }

    [Fact]
    public void String_command_is_split_like_a_shell_would_but_not_run_by_one()
    {
        var api = _project.Load("""
            services:
              api: { command: 'python3 -c "print(\"hi there\")" ''it''"s" a\ b' }
            """).Config!.Services[0];

        Assert.Equal(["python3", "-c", "print(\"hi there\")", "its", "a b"], api.Command);
        Assert.False(api.Shell);
    }

    [Fact]
    public void Shell_true_runs_the_string_with_bin_sh()
    {
        var result = _project.Load("""
            services:
              api: { command: "npm ci && npm start | tee out.log", shell: true }
            """);

        Assert.Empty(result.Diagnostics);
        var api = result.Config!.Services[0];
        Assert.Equal(["/bin/sh", "-c", "npm ci && npm start | tee out.log"], api.Command);
        Assert.True(api.Shell);
    }

    [Fact]
    public void Shell_true_needs_a_string()
    {
        var problems = _project.Problems("""
            services:
              api: { command: [npm, start], shell: true }
            """);

        Assert.Equal(["aurora.yaml:2:19: services.api.command: must be a non-empty string when shell: true; it is run as /bin/sh -c STRING"], problems);
    }

    [Fact]
    public void Unterminated_quote_is_an_error()
    {
        var problems = _project.Problems("""
            services:
              api: { command: "python3 'app.py" }
            """);

        Assert.Equal(["aurora.yaml:2:19: services.api.command: \"python3 'app.py\" has an unterminated ' quote; close it or write the command as a list"], problems);
    }

    [Fact]
    public void Relative_program_is_checked_against_the_service_cwd()
    {
        _project.WithFile("api/run.sh");
        var result = _project.Load("""
            services:
              api: { command: ./run.sh, cwd: api }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["./run.sh"], result.Config!.Services[0].Command);
    }

    [Fact]
    public void Default_command_lookup_searches_path()
    {
        var result = Aurora.Core.Config.ConfigLoader.Parse("""
            services:
              a: { command: sh }
              b: { command: surely-not-a-real-program-xyz }
            """, Path.Combine(_project.Directory, "aurora.yaml"), _project.Directory);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("services.b.command", warning.KeyPath);
        Assert.True(warning.IsWarning);
    }
}
