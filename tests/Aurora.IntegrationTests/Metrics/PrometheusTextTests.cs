using System.Text;
using Aurora.Daemon.Metrics;

namespace Aurora.IntegrationTests.Metrics;

/// The text exposition format (0.0.4) as /metrics writes it.
public class PrometheusTextTests
{
    private static (PrometheusText Text, StringBuilder Output) Writer()
    {
        var output = new StringBuilder();
        return (new PrometheusText(output), output);
    }

    [Fact]
    public void A_family_has_one_help_and_one_type_line_before_its_samples()
    {
        var (text, output) = Writer();
        text.Counter("aurora_fixes_total", "Fix attempts.");
        text.Sample("fix", "run_install", "outcome", "verified", 3);
        text.Sample("fix", "restart", "outcome", "rolled_back", 1);
        text.Gauge("aurora_stream_clients", "Clients.");
        text.Sample(2);

        Assert.Equal("""
            # HELP aurora_fixes_total Fix attempts.
            # TYPE aurora_fixes_total counter
            aurora_fixes_total{fix="run_install",outcome="verified"} 3
            aurora_fixes_total{fix="restart",outcome="rolled_back"} 1
            # HELP aurora_stream_clients Clients.
            # TYPE aurora_stream_clients gauge
            aurora_stream_clients 2

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_line_feed_and_keep_the_rest()
    {
        var (text, output) = Writer();
        text.Gauge("g", "h");
        text.Sample("service", "a\\b\"c\nd\té", 1);

        Assert.EndsWith("g{service=\"a\\\\b\\\"c\\nd\té\"} 1\n", output.ToString());
    }

    [Fact]
    public void Help_text_escapes_backslash_and_line_feed_only()
    {
        var (text, output) = Writer();
        text.Gauge("g", "a \"quoted\" \\ path\nnext");

        Assert.StartsWith("# HELP g a \"quoted\" \\\\ path\\nnext\n# TYPE g gauge\n", output.ToString());
    }

    [Fact]
    public void A_family_name_written_twice_is_refused()
    {
        var (text, _) = Writer();
        text.Gauge("aurora_service_up", "Up.");

        var ex = Assert.Throws<InvalidOperationException>(() => text.Gauge("aurora_service_up", "Up again."));
        Assert.Contains("aurora_service_up", ex.Message);
    }

    [Fact]
    public void Names_are_checked_and_counters_end_in_total()
    {
        var (text, _) = Writer();
        Assert.Throws<ArgumentException>(() => text.Gauge("1st", "h"));
        Assert.Throws<ArgumentException>(() => text.Gauge("a-b", "h"));
        Assert.Throws<ArgumentException>(() => text.Counter("aurora_restarts", "h"));
        text.Gauge("ok:name_1", "h");
        Assert.Throws<ArgumentException>(() => text.Sample("__reserved", "x", 1));
        Assert.Throws<ArgumentException>(() => text.Sample("bad-label", "x", 1));
    }

    [Fact]
    public void A_sample_before_any_family_is_refused()
    {
        var (text, _) = Writer();
        Assert.Throws<InvalidOperationException>(() => text.Sample(1));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(31457280.0, "31457280")]
    [InlineData(-3.0, "-3")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.7e300, "1.7E+300")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void Values_are_written_as_prometheus_parses_them(double value, string written)
    {
        var (text, output) = Writer();
        text.Gauge("g", "h");
        text.Sample(value);

        Assert.EndsWith("\ng " + written + "\n", output.ToString());
    }
}
