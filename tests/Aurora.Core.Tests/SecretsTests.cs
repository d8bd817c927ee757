namespace Aurora.Core.Tests;

public class SecretsTests
{
    [Theory]
    [InlineData("API_KEY")]
    [InlineData("DB_PASSWORD")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("AUTH")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("SMTP_PASS")]
    [InlineData("MYSQL_ROOT_PASSWD")]
    [InlineData("GOOGLE_APPLICATION_CREDENTIALS")]
    [InlineData("REGISTRY_CREDENTIAL")]
    [InlineData("api_key")]
    public void Names_with_a_secret_word_are_secret(string name) => Assert.True(Secrets.IsSecretName(name));

    [Theory]
    [InlineData("GIT_AUTHOR_NAME")]
    [InlineData("KEYBOARD_LAYOUT")]
    [InlineData("PASSENGER_COUNT")]
    [InlineData("TOKENIZER")]
    [InlineData("MONKEY")]
    [InlineData("PATH")]
    [InlineData("APIKEY")]
    public void Names_that_only_contain_the_letters_of_one_are_not(string name) => Assert.False(Secrets.IsSecretName(name));

    [Fact]
    public void Redact_masks_secret_names_and_url_passwords_in_other_values()
    {
        Assert.Equal("***", Secrets.Redact("GITHUB_TOKEN", "ghp_abc"));
        Assert.Equal("Ada", Secrets.Redact("GIT_AUTHOR_NAME", "Ada"));
        Assert.Equal("postgres://app:***@db:5432/app", Secrets.Redact("DATABASE_URL", "postgres://app:hunter2@db:5432/app"));
        Assert.Equal("redis://:***@cache:6379/0", Secrets.Redact("REDIS_URL", "redis://:s3cret@cache:6379/0"));
        Assert.Equal("http://example.com:8080/x", Secrets.Redact("HOME_PAGE", "http://example.com:8080/x"));
    }

    [Fact]
    public void ValuesOf_takes_the_service_env_merged_over_the_inherited_daemon_env()
    {
        var daemon = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghp_daemon_token", ["HOME"] = "/root", ["GIT_AUTHOR_NAME"] = "Ada Lovelace" };
        var merged = new Dictionary<string, string>(daemon) { ["DB_PASSWORD"] = "hunter22", ["DATABASE_URL"] = "postgres://app:pg-pass-1@db/app", ["AUTH"] = "" };
        Assert.Equal(["ghp_daemon_token", "hunter22", "pg-pass-1"], Secrets.ValuesOf(merged).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scrub_masks_values_urls_and_secret_assignments_in_a_line()
    {
        Assert.Equal("login as app with *** failed", Secrets.Scrub("login as app with hunter22 failed", ["hunter22"]));
        Assert.Equal("connecting to postgres://app:***@db:5432/app", Secrets.Scrub("connecting to postgres://app:pw@db:5432/app", []));
        Assert.Equal("env: API_KEY=*** MODE=dev", Secrets.Scrub("env: API_KEY=abc MODE=dev", []));
        Assert.Equal("short values like on stay: on", Secrets.Scrub("short values like on stay: on", ["on"]));
        Assert.Equal("*** and ***", Secrets.Scrub("abcd-efgh and abcd", ["abcd", "abcd-efgh"]));
    }

    [Fact]
    public void Command_lines_lose_secret_flag_values()
    {
        Assert.Equal("redis-server --port 6379 --requirepass *** --masterauth=*** --api-key=*** --db-password *** --verbose",
            Secrets.ScrubCommandLine(["redis-server", "--port", "6379", "--requirepass", "x1", "--masterauth=x2", "--api-key=x3",
                "--db-password", "x4", "--verbose"], []));
        Assert.Equal("python3 app.py --token-file ***", Secrets.ScrubCommandLine(["python3", "app.py", "--token-file", "/run/t"], []));
        Assert.Equal("worker --author-name Ada", Secrets.ScrubCommandLine(["worker", "--author-name", "Ada"], []));
    }
}
