using Aurora.Cli.Output;
using Aurora.Contracts.V1;
using Spectre.Console;

namespace Aurora.IntegrationTests.Cli;

/// `aurora status` lays its table out itself (Spectre's table was ~60 ms of CPU at 1,000 services): the bytes
/// must be Spectre's, and what it cannot lay out exactly is left to Spectre.
public class TextTableTests
{
    private static ServiceDto Service(string name, string state, int? pid = null, string? cause = null, string? replicaOf = null,
        long? memory = null, LimitsDto? limits = null) =>
        new(name, state, pid, pid is null ? null : 61_000, 3, "unknown", 0.5, memory, cause, null, null, null, null,
            ReplicaOf: replicaOf, Limits: limits);

    private static IReadOnlyList<ServiceDto> Stack() =>
    [
        Service("db", "running", 4242, memory: 1_700_000),
        Service("api", "degraded", cause: "dependency_unavailable"),
        Service("chat-1", "running", 17, replicaOf: "chat", memory: 12_345_678, limits: new LimitsDto(268_435_456, 50, null)),
        Service("chat-2", "backoff", cause: "crashed (exit 1) [not markup]", replicaOf: "chat"),
        .. Enumerable.Range(1, 1000).Select(i => Service($"svc-{i}", i % 7 == 0 ? "stopped" : "running", i % 7 == 0 ? null : 30_000 + i)),
    ];

    private static string Spectre(IReadOnlyList<TextTable.Row> rows, int width)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = width;
        StatusTable.WriteWithSpectre(console, rows);
        return text.ToString();
    }

    [Fact]
    public void The_status_table_is_byte_for_byte_the_table_Spectre_draws()
    {
        var rows = StatusTable.Rows(Stack());
        var text = new StringWriter();

        Assert.True(TextTable.TryWrite(text, StatusTable.Headers, rows, 200, colour: false));
        Assert.Equal(Spectre(rows, 200), text.ToString());
        Assert.Contains("2 replicas: 1 running, 1 backoff", text.ToString());
        Assert.Contains("11.8MiB / 256MiB", text.ToString());
    }

    [Fact]
    public void On_a_terminal_the_state_alone_is_painted_and_the_columns_stay_aligned()
    {
        var rows = StatusTable.Rows([Service("db", "running", 1), Service("api", "failed")]);
        var text = new StringWriter();

        Assert.True(TextTable.TryWrite(text, StatusTable.Headers, rows, 120, colour: true));
        var lines = text.ToString().Split('\n');
        Assert.StartsWith("  db     \u001b[32mrunning\u001b[0m   1     ", lines[3]);
        Assert.StartsWith("  api    \u001b[31mfailed\u001b[0m    -     ", lines[4]);
        Assert.Equal(Spectre(rows, 120), text.ToString().Replace("\u001b[32m", "").Replace("\u001b[31m", "").Replace("\u001b[0m", ""));
    }

    [Fact]
    public void A_table_wider_than_the_terminal_or_not_plain_ascii_is_left_to_Spectre()
    {
        var text = new StringWriter();

        Assert.False(TextTable.TryWrite(text, StatusTable.Headers, StatusTable.Rows([Service("db", "failed", cause: new string('x', 150))]), 200, false));
        Assert.False(TextTable.TryWrite(text, StatusTable.Headers, StatusTable.Rows([Service("数据库", "running", 1)]), 200, false));
        Assert.False(TextTable.TryWrite(text, StatusTable.Headers, StatusTable.Rows([Service("db", "failed", cause: "line\nbreak")]), 200, false));
        Assert.Equal("", text.ToString());
    }
}
