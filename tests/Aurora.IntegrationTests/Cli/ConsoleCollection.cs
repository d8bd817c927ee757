namespace Aurora.IntegrationTests.Cli;

/// Tests that swap Console.Out (process-wide) run alone.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
