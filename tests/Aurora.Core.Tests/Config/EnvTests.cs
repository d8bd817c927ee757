namespace Aurora.Core.Tests.Config;

public sealed class EnvTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Env_file_is_merged_under_env()
    {
        _project.WithFile("config/app.env", """
            # database
            export DB_HOST=localhost
            DB_PORT = 5432
            GREETING="hello\nworld"
            LITERAL='a $b \n'
            PORT=1 # overridden below

            """);
        var api = _project.Load("""
            services:
              api:
                command: python3
                env_file: config/app.env
                env: { PORT: 8080, DEBUG: true, EMPTY: }
            """).Config!.Services[0];

        Assert.Equal(Path.Combine(_project.Directory, "config", "app.env"), api.EnvFile);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["DB_HOST"] = "localhost",
                ["DB_PORT"] = "5432",
                ["DEBUG"] = "true",
                ["EMPTY"] = "",
                ["GREETING"] = "hello\nworld",
                ["LITERAL"] = "a $b \\n",
                ["PORT"] = "8080",
            },
            api.Environment);
    }

    [Fact]
    public void Missing_env_file_is_an_error()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3, env_file: .env }
            """);

        Assert.Equal([$"aurora.yaml:2:38: services.api.env_file: \".env\" does not exist (looked for {_project.Directory}/.env); create it or remove env_file"], problems);
    }

    [Fact]
    public void Env_file_problems_point_into_the_env_file_without_showing_values()
    {
        _project.WithFile(".env", "OK=1\nAPI_TOKEN hunter2\n1BAD=x\nQUOTED=\"secret\n");
        var problems = _project.Problems("""
            services:
              api: { command: python3, env_file: .env }
            """);

        Assert.Equal(
        [
            ".env:2:1: services.api.env_file: line is not KEY=VALUE; use NAME=value, and # for comments",
            ".env:3:1: services.api.env_file: \"1BAD\" is not a variable name; use letters, digits and _, not starting with a digit",
            ".env:4:8: services.api.env_file: QUOTED: value has an unterminated \" quote",
        ], problems);
        Assert.DoesNotContain(problems, p => p.Contains("hunter2", StringComparison.Ordinal) || p.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Env_values_must_be_scalars_and_are_never_echoed()
    {
        var problems = _project.Problems("""
            services:
              api: { command: python3, env: { TOKEN: { nested: hunter2 } } }
            """);

        Assert.Equal(["aurora.yaml:2:42: services.api.env.TOKEN: expected a string, got a mapping"], problems);
    }
}
