using Aurora.Porting.Import;
using Aurora.Porting.Import.Compose;

namespace Aurora.Porting.Tests.Import;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("python3 app.py --port 5001", false)]
    [InlineData("echo \"I shouldn't run\"", false)]
    [InlineData("bash -c 'a && b'", false)]
    [InlineData("a && b", true)]
    [InlineData("serve --port=$PORT", true)]
    [InlineData("tail -f log | grep x", true)]
    [InlineData("echo \"$HOME\"", true)]
    public void Needs_a_shell_only_for_what_a_shell_would_do(string line, bool needs) => Assert.Equal(needs, ShellWords.NeedsShell(line));

    [Fact]
    public void Splits_like_a_shell_without_expanding()
    {
        Assert.Equal(["bash", "-c", "echo 'x' > y"], ShellWords.Split("bash -c \"echo 'x' > y\""));
        Assert.Null(ShellWords.Split("echo 'open"));
    }

    [Theory]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    public void Reads_compose_durations(string text, int ms) => Assert.Equal(TimeSpan.FromMilliseconds(ms), ComposeValues.Duration(text));

    [Theory]
    [InlineData("512m", 512L << 20)]
    [InlineData("1g", 1L << 30)]
    [InlineData("1gb", 1L << 30)]
    [InlineData("2048", 2048L)]
    public void Reads_compose_sizes(string text, long bytes) => Assert.Equal(bytes, ComposeValues.Bytes(text));
}
