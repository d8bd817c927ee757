using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Tests.Config;

public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("python3 -m http.server 5001", new[] { "python3", "-m", "http.server", "5001" })]
    [InlineData("  spaced   out\targs ", new[] { "spaced", "out", "args" })]
    [InlineData("echo 'single $quoted \\ text'", new[] { "echo", "single $quoted \\ text" })]
    [InlineData("echo \"double \\\"quoted\\\" \\\\ \\n\"", new[] { "echo", "double \"quoted\" \\ \\n" })]
    [InlineData("a\\ b c\\\\d", new[] { "a b", "c\\d" })]
    [InlineData("pre'fix'\"ed\" ''", new[] { "prefixed", "" })]
    [InlineData("line \\\ncontinued", new[] { "line", "continued" })]
    public void Splits_like_a_posix_shell(string text, string[] expected)
    {
        var result = CommandLineSplitter.Split(text);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Argv);
    }

    [Theory]
    [InlineData("echo 'open", "has an unterminated ' quote")]
    [InlineData("echo \"open", "has an unterminated \" quote")]
    public void Reports_unterminated_quotes(string text, string error) =>
        Assert.Equal(error, CommandLineSplitter.Split(text).Error);

    [Theory]
    [InlineData("a | b", "|")]
    [InlineData("a && b", "&")]
    [InlineData("echo $HOME", "$")]
    [InlineData("echo '$HOME' \"a|b\"", null)]
    public void Notices_unquoted_shell_syntax(string text, string? op) =>
        Assert.Equal(op, CommandLineSplitter.Split(text).ShellSyntax);
}
