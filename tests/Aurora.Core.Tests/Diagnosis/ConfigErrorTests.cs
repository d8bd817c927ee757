using Aurora.Core.Diagnosis;
using static Aurora.Core.Tests.Diagnosis.Failures;

namespace Aurora.Core.Tests.Diagnosis;

public class ConfigErrorTests
{
    [Theory]
    [InlineData(1, RealOutput.RedisBadArgument, ">>> 'appendfsync sometimes'")]
    [InlineData(1, RealOutput.RedisBadDirective, "Bad directive or wrong number of arguments")]
    [InlineData(1, RealOutput.NginxUnknownDirective, "unknown directive \"proxy_cache_path_typo\"")]
    [InlineData(1, RealOutput.NginxUnexpectedBrace, "unexpected \"}\"")]
    [InlineData(2, RealOutput.ArgparseUsage, "the following arguments are required: --queue")]
    [InlineData(1, RealOutput.PythonEnvMissing, "KeyError: 'DATABASE_URL'")]
    [InlineData(1, "Error: API_TOKEN must be set", "API_TOKEN must be set")]
    public void A_quick_exit_with_a_real_config_or_usage_message_is_a_config_error(int code, string output, string shown)
    {
        var d = Diagnose(Exit(code, output) with { Uptime = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(Causes.ConfigError, d.Cause);
        Assert.True(d.Confidence >= 0.7);
        Assert.Contains(d.Evidence, e => e.Contains(shown, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_error_that_is_not_the_environment_is_no_config_error()
    {
        const string bug = """
            Traceback (most recent call last):
              File "/srv/app.py", line 9, in <module>
                print(rates["USD"])
            KeyError: 'USD'
            """;
        Assert.Equal(Causes.Unknown, Diagnose(Exit(1, bug) with { Uptime = TimeSpan.FromMilliseconds(300) }).Cause);
    }

    [Fact]
    public void The_same_message_after_minutes_of_running_is_not_a_config_error() =>
        Assert.NotEqual(Causes.ConfigError, Diagnose(Exit(1, RealOutput.RedisBadDirective) with { Uptime = TimeSpan.FromMinutes(5) }).Cause);
}
