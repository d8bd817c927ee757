using System.Text;
using Aurora.Core.Config;

namespace Aurora.Core.Tests.Config;

/// Issue 19, finding 4: 60,000 nested brackets in aurora.yaml overflowed the stack of the daemon that
/// reloaded it (its services orphaned). Nesting depth and file size are bounded before the YAML is parsed.
public sealed class NestingAndSizeLimitTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{", "}")]
    public void Sixty_thousand_nested_brackets_are_a_positioned_error_not_a_stack_overflow(string open, string close)
    {
        var yaml = "services:\n  api:\n    command: " + string.Concat(Enumerable.Repeat(open, 60_000)) + string.Concat(Enumerable.Repeat(close, 60_000)) + "\n";

        var result = _project.Load(yaml);

        Assert.Null(result.Config);
        Assert.Equal(
            ["aurora.yaml:3:75: nesting is deeper than 64 levels of lists and mappings; no config needs that many, flatten it"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Sixty_thousand_nested_block_lists_are_a_positioned_error()
    {
        var yaml = "services:\n  api:\n    command:\n      " + string.Concat(Enumerable.Repeat("- ", 60_000)) + "x\n";

        var problems = _project.Problems(yaml);

        Assert.Equal(["aurora.yaml:4:129: nesting is deeper than 64 levels of lists and mappings; no config needs that many, flatten it"], problems);
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_rejected_before_it_is_read_as_yaml()
    {
        var yaml = new StringBuilder("services:\n  api: { command: python3 }\n");
        while (yaml.Length <= ConfigLoader.MaxFileBytes)
        {
            yaml.Append("# padding padding padding padding padding padding padding padding padding\n");
        }

        var problems = _project.Problems(yaml.ToString());

        Assert.Equal([$"aurora.yaml:1:1: the file is {Encoding.UTF8.GetByteCount(yaml.ToString())} bytes; a config may be at most 1048576 (1 MiB), split it with -f or remove what is not needed"], problems);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_as_usual()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 60)) + "x" + string.Concat(Enumerable.Repeat("]", 60));

        var problems = _project.Problems($"services:\n  api:\n    command: python3\n    env: {{ A: \"1\" }}\nx-deep: {deep}\n");

        Assert.Equal(["aurora.yaml:5:1: x-deep: unknown key \"x-deep\"; allowed here: version, services, healing, monitor, maintenance, dashboard, metrics, notify, store, doctor"], problems);
    }
}
