using Aurora.Core.Ask;

namespace Aurora.Core.Tests.Ask;

public class IntentParserTests
{
    private static readonly IntentParser Parser = new(PhrasingTableTests.Services);

    [Fact]
    public void An_unknown_service_is_named_with_the_nearest_real_one()
    {
        var parse = Parser.Parse("restart the chatz0r");
        Assert.False(parse.Understood);
        Assert.Contains("no service named \"chatz0r\"", parse.Message);
        Assert.Contains("services: api, chat, worker, db, web, payment-gateway", parse.Message);

        var near = Parser.Parse("restart apx-gw");
        Assert.False(near.Understood);
    }

    [Fact]
    public void A_word_that_names_two_services_is_refused_with_both()
    {
        var parser = new IntentParser(["chat-1", "chat-2", "api"]);
        var parse = parser.Parse("restart chat");
        Assert.False(parse.Understood);
        Assert.Contains("could be chat-1 or chat-2", parse.Message);
        Assert.Equal(["restart chat-1", "restart chat-2"], parse.Closest.Select(c => c.Example));
    }

    [Fact]
    public void A_longer_name_wins_over_its_first_word()
    {
        var parser = new IntentParser(["chat", "chat-server"]);
        Assert.Equal("restart services=chat-server", parser.Parse("restart the chat server").Intent!.ToString());
        Assert.Equal("restart services=chat", parser.Parse("restart chat").Intent!.ToString());
    }

    [Fact]
    public void A_service_named_like_a_long_form_is_matched_exactly_first()
    {
        var parser = new IntentParser(["database", "db"]);
        Assert.Equal("stop services=database", parser.Parse("stop the database").Intent!.ToString());
    }

    [Fact]
    public void Without_services_every_order_is_refused_and_says_none_are_configured()
    {
        var parse = new IntentParser([]).Parse("restart api");
        Assert.False(parse.Understood);
        Assert.Contains("no services are configured", parse.Message);
    }

    [Fact]
    public void Only_state_changing_intents_change_state()
    {
        var changing = Enum.GetValues<IntentKind>().Where(k => k.ChangesState()).Select(k => k.WireName());
        Assert.Equal(["start", "stop", "restart", "heal", "reload", "daemon_restart"], changing);
    }

    [Theory]
    [InlineData("restart api", "restart api (services that depend on it with a restart policy follow)")]
    [InlineData("stop everything", "stop every service, in reverse dependency order: web, api, db (the daemon keeps running)")]
    [InlineData("restart all", "restart every service: stop web, api, db (reverse dependency order), then start db, api, web")]
    [InlineData("start all", "start every service, in dependency order: db, api, web (lifting any quarantine)")]
    [InlineData("heal api", "diagnose api now and run the fixes for its cause, each verified or rolled back")]
    [InlineData("restart yourself", "replace the daemon with a new one (the binary on disk) without restarting any service")]
    public void A_state_changing_intent_has_a_plan(string text, string plan)
    {
        var intent = new IntentParser(["db", "api", "web"]).Parse(text).Intent!;
        Assert.Equal(plan, AskPlan.For(intent, ["db", "api", "web"]));
    }

    [Fact]
    public void A_read_only_intent_has_no_plan()
    {
        Assert.Null(AskPlan.For(Parser.Parse("status").Intent!, PhrasingTableTests.Services));
        Assert.Null(AskPlan.For(Parser.Parse("why did api fail").Intent!, PhrasingTableTests.Services));
    }

    [Theory]
    [InlineData("Traceback (most recent call last):", true)]
    [InlineData("OSError: [Errno 98] Address already in use", true)]
    [InlineData("listen EADDRINUSE: address already in use :::5000", true)]
    [InlineData("ERR! code ENOENT", true)]
    [InlineData("GET / 200 OK", false)]
    [InlineData("serving on port 5001 (terror-free)", false)]
    public void Errors_only_keeps_the_lines_that_report_errors(string line, bool error) =>
        Assert.Equal(error, ErrorLines.IsError(line));
}
