namespace Aurora.Daemon.Entry;

/// Colour only on a terminal (and never with NO_COLOR set): the CLI's output and the daemon's event lines alike.
public static class Ansi
{
    public static bool Colour { get; } = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null
        && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static string Paint(string text, string ansi) => Colour ? $"\u001b[{ansi}m{text}\u001b[0m" : text;
}
