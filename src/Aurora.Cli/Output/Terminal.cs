using Aurora.Daemon.Entry;

namespace Aurora.Cli.Output;

/// Colour only on a terminal (and never with NO_COLOR set).
internal static class Terminal
{
    public static bool Colour => Ansi.Colour;

    /// A Spectre console for tables: colour only on a terminal; wide when piped, so rows are not wrapped.
    public static Spectre.Console.IAnsiConsole TableConsole()
    {
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Colour ? Spectre.Console.AnsiSupport.Detect : Spectre.Console.AnsiSupport.No,
            ColorSystem = Colour ? Spectre.Console.ColorSystemSupport.Detect : Spectre.Console.ColorSystemSupport.NoColors,
            Out = new Spectre.Console.AnsiConsoleOutput(Console.Out),
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    /// The width a table may take: the terminal's, or 200 when piped (as TableConsole's profile has it).
    public static int TableWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return 200;
        }

        try
        {
            return Console.WindowWidth is > 0 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    public static void Error(string message) => Console.Error.WriteLine($"aurora: {message}");

    public static string Paint(string text, string ansi) => Ansi.Paint(text, ansi);

    public static string StateColour(string state) => state switch
    {
        "healthy" or "running" or "exited" => "32",
        "starting" or "pending" or "backoff" or "stopping" => "33",
        "unhealthy" or "failed" or "degraded" => "31",
        _ => "90",
    };
}
