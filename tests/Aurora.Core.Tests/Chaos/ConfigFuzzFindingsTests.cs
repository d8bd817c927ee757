using Aurora.Core.Tests.Config;

namespace Aurora.Core.Tests.Chaos;

/// What the config fuzz (ConfigFuzzTests) found, one regression test each.
public sealed class ConfigFuzzFindingsTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    // YamlDotNet's scanner threw InvalidOperationException, past the loader's YamlException handler: `aurora validate`
    // died with a stack trace, and so did a reload of such a file.
    [Theory]
    [InlineData("services:\n  api:\n    command: [\npython3, app.py]\n", "aurora.yaml:4:1: ")]
    [InlineData("services:\n  api:\n    env: {\nA: b}\n", "aurora.yaml:4:1: ")]
    public void A_flow_list_continued_at_a_lesser_indent_is_a_positioned_error_not_an_exception(string yaml, string position)
    {
        var result = _project.Load(yaml);

        Assert.Null(result.Config);
        Assert.Equal([position + Aurora.Core.Config.Reading.YamlText.UnreadableHere], result.Diagnostics.Select(d => d.ToString()));
    }

    // YamlDotNet's parser closed a block mapping after a key with no value and its representation model threw
    // ArgumentException ("The current event is of an unsupported type") past every handler: CI's fuzz run, seed 7B3qu-Pkcoq1.
    [Fact]
    public void A_line_that_starts_with_a_colon_inside_a_mapping_is_a_positioned_error_not_an_exception()
    {
        var result = _project.Load("services:\n  app:\n    command: [\"./run.sh\"]\n    restart:\n     : policy: on-failure\n     : policy: on-failure\n");

        Assert.Null(result.Config);
        Assert.Equal(["aurora.yaml:6:6: " + Aurora.Core.Config.Reading.YamlText.MalformedMapping], result.Diagnostics.Select(d => d.ToString()));
    }
}
