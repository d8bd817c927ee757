using Aurora.Daemon.Hosting;
using Aurora.Layout;

namespace Aurora.IntegrationTests.Dashboard;

/// `.aurora/token` (issue 19 finding 2): a token file that does not protect anything is replaced.
public sealed class TokenFileTests : IDisposable
{
    private readonly DaemonPaths _paths = new(Directory.CreateTempSubdirectory("aurora-token-").FullName);
    private readonly StringWriter _log = new();

    public TokenFileTests() => Directory.CreateDirectory(_paths.StateDirectory);

    public void Dispose() => Directory.Delete(_paths.ProjectDirectory, recursive: true);

    [Fact]
    public void A_fresh_token_is_48_hex_digits_in_a_0600_file()
    {
        var token = TokenFile.Ensure(_paths, _log);

        Assert.Matches("^[0-9a-f]{48}$", token);
        Assert.Equal(token + "\n", File.ReadAllText(_paths.Token));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_paths.Token));
        Assert.Equal(token, TokenFile.Ensure(_paths, _log));
        Assert.Equal("", _log.ToString());
    }

    [Theory]
    [InlineData("", "was empty")]
    [InlineData("\n\n", "was empty")]
    [InlineData("\u00a0\n", "held a token of 1 characters, fewer than 32")]
    [InlineData("hunter2\n", "held a token of 7 characters, fewer than 32")]
    [InlineData("0123456789abcdef 0123456789abcdef\n", "held characters other than printable ASCII")]
    public void An_empty_short_or_odd_token_is_replaced_and_the_log_says_why_Issue19_2(string content, string why)
    {
        WriteToken(content, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var token = TokenFile.Ensure(_paths, _log);

        Assert.Matches("^[0-9a-f]{48}$", token);
        Assert.Equal(token + "\n", File.ReadAllText(_paths.Token));
        Assert.Contains($"{_paths.Token} {why}; replaced it with a fresh token", _log.ToString());
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.OtherWrite)]
    public void A_token_file_open_to_other_users_is_replaced_with_a_private_one_Issue19_2(UnixFileMode extra)
    {
        var old = new string('a', 48);
        WriteToken(old + "\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var token = TokenFile.Ensure(_paths, _log);

        Assert.NotEqual(old, token);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_paths.Token));
        Assert.Contains("could be read or written by other users", _log.ToString());
    }

    [Fact]
    public void A_good_token_of_the_users_own_choosing_is_kept()
    {
        var own = "my-own-token-" + new string('x', 30);
        WriteToken(own + "\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal(own, TokenFile.Ensure(_paths, _log));
        Assert.Equal("", _log.ToString());
    }

    private void WriteToken(string content, UnixFileMode mode)
    {
        File.WriteAllText(_paths.Token, content);
        File.SetUnixFileMode(_paths.Token, mode);
    }
}
