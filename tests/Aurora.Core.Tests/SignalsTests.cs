using Aurora.Core.Processes;

namespace Aurora.Core.Tests;

public class SignalsTests
{
    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("term", 15)]
    [InlineData("9", 9)]
    [InlineData("SIGNOPE", null)]
    public void Parses_signal_names_and_numbers(string text, int? expected) =>
        Assert.Equal(expected, Signals.Parse(text));
}
