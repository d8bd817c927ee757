using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

public sealed class ConfigDiagnosticTests
{
    [Fact]
    public void Prints_file_name_position_key_path_and_message()
    {
        var error = new ConfigDiagnostic("/srv/app/aurora.yaml", 14, 9, "services.api.restart.backoff.max", "\"-5s\" is not a duration", false);

        Assert.Equal("aurora.yaml:14:9: services.api.restart.backoff.max: \"-5s\" is not a duration", error.ToString());
    }

    [Fact]
    public void Marks_warnings_and_omits_empty_key_path_and_missing_position()
    {
        Assert.Equal("aurora.yaml:3:14: warning: services.api.command: not on PATH",
            new ConfigDiagnostic("aurora.yaml", 3, 14, "services.api.command", "not on PATH", true).ToString());
        Assert.Equal("aurora.yaml:2:1: invalid YAML: oops", new ConfigDiagnostic("aurora.yaml", 2, 1, "", "invalid YAML: oops", false).ToString());
        Assert.Equal("aurora.yaml: cannot read it", new ConfigDiagnostic("aurora.yaml", 0, 0, "", "cannot read it", false).ToString());
    }

    [Fact]
    public void Result_is_ok_only_without_errors()
    {
        var warning = new ConfigDiagnostic("aurora.yaml", 1, 1, "x", "w", true);
        var config = new ConfigLoadResult(null, [warning]);

        Assert.False(config.Ok);
        Assert.Single(config.Warnings);
        Assert.Empty(config.Errors);
    }
}
