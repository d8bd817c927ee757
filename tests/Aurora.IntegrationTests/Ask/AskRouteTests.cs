using System.Net;
using System.Text;
using Aurora.Cli.Client;
using Aurora.Contracts.V1;
using Aurora.Core.Events;
using Aurora.IntegrationTests.Daemon;

namespace Aurora.IntegrationTests.Ask;

/// `POST /api/v1/ask` against a real daemon: plans before it acts, acts only confirmed (as source "ask"), answers
/// read-only sentences at once, and says plainly what this daemon cannot do yet.
public class AskRouteTests
{
    internal const string TwoServices = """
        version: 1
        services:
          db: { command: ["sleep", "1000"] }
          api:
            command: ["sleep", "1000"]
            depends_on: { db: started }
        """;

    internal static Task<AskDto> AskAsync(ControlClient client, string text, bool confirm, CancellationToken ct) =>
        client.PostJsonAsync("/api/v1/ask", new AskRequestDto(text, confirm), AuroraJsonContext.Default.AskRequestDto, AuroraJsonContext.Default.AskDto, ct);

    [Fact(Timeout = 60000)]
    public async Task A_restart_is_planned_then_done_only_when_confirmed_and_its_events_say_ask()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        var mark = daemon.Runtime.Events.LastCommittedSeq;
        using var client = new ControlClient(project.Paths, source: "ask");

        var plan = await AskAsync(client, "please restart the API service", confirm: false, ct);
        Assert.True(plan.Understood);
        Assert.Equal("restart", plan.Intent);
        Assert.Equal(["api"], plan.Arguments!.Services);
        Assert.True(plan.NeedsConfirm);
        Assert.Null(plan.Result);
        Assert.StartsWith("restart api", plan.Plan);

        var done = await AskAsync(client, "please restart the API service", confirm: true, ct);
        Assert.False(done.NeedsConfirm);
        Assert.True(done.Result!.Ok, done.Result.Text);
        Assert.Contains("restarted api", done.Result.Text);

        var stopping = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceStopping && e.Service == "api");
        var started = await daemon.WaitForEventAfter(stopping.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "api");
        Assert.Equal("ask", stopping.Data.GetProperty("source").GetString());
        Assert.Equal("ask", started.Data.GetProperty("source").GetString());

        // The plan-only call did nothing: this one restart is the only stop since the mark.
        var since = await daemon.Runtime.Events.Store.ReadAfterAsync(mark, 10_000, ct);
        Assert.Single(since, e => e.Type == EventTypes.ServiceStopping && e.Service == "api" && e.Seq <= started.Seq);
    }

    [Fact(Timeout = 60000)]
    public async Task Everything_restarts_in_reverse_order_then_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        var mark = daemon.Runtime.Events.LastCommittedSeq;
        using var client = new ControlClient(project.Paths, source: "ask");

        var done = await AskAsync(client, "restart everything", confirm: true, ct);
        Assert.True(done.Result!.Ok, done.Result.Text);
        Assert.Equal("restart every service: stop api, db (reverse dependency order), then start db, api", done.Plan);

        var apiStopped = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceStopped && e.Service == "api");
        var dbStopped = await daemon.WaitForEventAfter(mark, e => e.Type == EventTypes.ServiceStopped && e.Service == "db");
        var apiStarted = await daemon.WaitForEventAfter(dbStopped.Seq, e => e.Type == EventTypes.ServiceStarted && e.Service == "api");
        Assert.True(apiStopped.Seq < dbStopped.Seq);
        Assert.Equal("ask", apiStarted.Data.GetProperty("source").GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task Read_only_sentences_answer_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        await daemon.WaitForEvent(EventTypes.ServiceStarted, "api");
        using var client = new ControlClient(project.Paths, source: "ask");

        var status = await AskAsync(client, "how's everything doing?", confirm: false, ct);
        Assert.Equal("status", status.Intent);
        Assert.False(status.NeedsConfirm);
        Assert.Equal(["db", "api"], status.Result!.Services!.Select(s => s.Name));
        Assert.Contains("api: running", status.Result.Text);

        var logs = await AskAsync(client, "last 5 lines of the api", confirm: false, ct);
        Assert.Equal("logs", logs.Intent);
        Assert.Equal(5, logs.Arguments!.Lines);
        Assert.NotNull(logs.Result!.Lines);

        var why = await AskAsync(client, "what happened to the api today?", confirm: false, ct);
        Assert.Equal("why", why.Intent);
        Assert.Equal("today", why.Arguments!.Since);
        Assert.StartsWith("no failures of api recorded since today", why.Result!.Text);

        var fixes = await AskAsync(client, "show me past fixes for port conflict errors", confirm: false, ct);
        Assert.Equal("past_fixes", fixes.Intent);
        Assert.Equal("port_conflict", fixes.Arguments!.Cause);
        Assert.Equal("no fixes recorded for port conflict yet", fixes.Result!.Text);
    }

    [Fact(Timeout = 60000)]
    public async Task A_sentence_not_understood_gets_the_closest_intents_and_nothing_is_done()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths, source: "ask");

        var answer = await AskAsync(client, "restart the apii and fooo", confirm: true, ct);
        Assert.False(answer.Understood);
        Assert.Null(answer.Intent);
        Assert.Null(answer.Result);
        Assert.Contains("no service named \"fooo\"", answer.Message);
        Assert.NotEmpty(answer.Closest);
    }

    [Fact(Timeout = 60000)]
    public async Task What_this_daemon_cannot_do_yet_is_said_plainly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths, source: "ask");

        var restart = await AskAsync(client, "restart yourself", confirm: true, ct);
        Assert.Equal("daemon_restart", restart.Intent);
        Assert.False(restart.Result!.Ok);
        // The route exists now (issue 17), but a daemon hosted in-process has no holder: its services would go with it.
        Assert.StartsWith("the daemon could not restart itself", restart.Result.Text);
        Assert.Contains("runs without a holder", restart.Result.Text);

    }

    [Fact(Timeout = 60000)]
    public async Task A_forecast_question_reads_the_daemons_predictions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths, source: "ask");

        // GET /api/v1/predictions exists now (issue 15); nothing here leaks, so nothing is forecast.
        var forecast = await AskAsync(client, "what will fail next?", confirm: false, ct);
        Assert.Equal("forecast", forecast.Intent);
        Assert.True(forecast.Result!.Ok);
        Assert.Equal("no failure is forecast", forecast.Result.Text);
    }

    [Fact(Timeout = 60000)]
    public async Task A_body_without_text_is_a_400()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var project = TestProject.Create(TwoServices);
        await using var daemon = await project.StartDaemonAsync();
        using var client = new ControlClient(project.Paths);

        using var empty = await client.Http.PostAsync("/api/v1/ask", new StringContent("{}", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"text_required\"", await empty.Content.ReadAsStringAsync(ct));
        using var broken = await client.Http.PostAsync("/api/v1/ask", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }
}
