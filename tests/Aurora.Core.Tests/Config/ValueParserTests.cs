using Aurora.Core.Config.Parsing;

namespace Aurora.Core.Tests.Config;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("5s", 5_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    public void Parses_durations(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-5s")]
    [InlineData("5 s")]
    [InlineData("1y")]
    [InlineData(".5s")]
    [InlineData("5.s")]
    [InlineData("1h30m")]
    [InlineData("")]
    [InlineData("99999999999d")]
    public void Rejects_malformed_durations(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Theory]
    [InlineData(100, "100ms")]
    [InlineData(1_500, "1500ms")]
    [InlineData(90_000, "90s")]
    [InlineData(30_000, "30s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(0, "0s")]
    public void Formats_durations_in_the_largest_exact_unit(double milliseconds, string expected) =>
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("512KiB", 512L * 1024)]
    [InlineData("10MiB", 10L * 1024 * 1024)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("10MB", 10_000_000)]
    [InlineData("1GB", 1_000_000_000)]
    [InlineData("2KB", 2_000)]
    [InlineData("100B", 100)]
    [InlineData("4096", 4096)]
    public void Parses_sizes(string text, long bytes)
    {
        Assert.True(SizeParser.TryParse(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-1MiB")]
    [InlineData("1.5")]
    [InlineData("10XB")]
    [InlineData("MiB")]
    [InlineData("0.3B")]
    public void Rejects_malformed_sizes(string text) => Assert.False(SizeParser.TryParse(text, out _));

    [Theory]
    [InlineData("comand", "command")]
    [InlineData("dependson", "depends_on")]
    [InlineData("ports", "ports")]
    [InlineData("halth", "health")]
    [InlineData("zzzzzz", null)]
    public void Suggests_keys_within_two_edits(string input, string? expected) =>
        Assert.Equal(expected, EditDistance.Suggest(input, ["command", "depends_on", "ports", "health", "env"]));
}
