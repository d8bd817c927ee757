using Aurora.Core.Insights;
using Aurora.Core.Insights.Editing;

namespace Aurora.Core.Tests.Insights;

/// The YAML text edit: the value replaced at its node, a missing key added beside its siblings, a list item
/// removed; comments, layout and line endings kept; the file that sets the value is the one edited.
public sealed class ConfigEditorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aurora-edit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static InsightProposal StartPeriod(string to = "12s") => InsightProposal.Set("api", "5s", to, "health", "start_period");

    [Fact]
    public void Replaces_the_scalar_and_keeps_comments_and_layout()
    {
        var file = Write("aurora.yaml", """
            # the stack
            services:
              api:
                command: "python3 app.py"   # the api
                health:
                  http: http://127.0.0.1:5001/
                  start_period: 5s          # slow to boot
                  retries: 3
            """);
        var edit = ConfigEditor.Plan([file], StartPeriod());
        Assert.Equal(File.ReadAllText(file).Replace("start_period: 5s", "start_period: 12s", StringComparison.Ordinal), edit.After.Text);
        Assert.Equal(["--- aurora.yaml", "+++ aurora.yaml", "@@ -6,3 +6,3 @@", "       http: http://127.0.0.1:5001/",
            "-      start_period: 5s          # slow to boot", "+      start_period: 12s          # slow to boot", "       retries: 3"], edit.Diff);
    }

    [Fact]
    public void Keeps_crlf_line_endings_and_a_byte_order_mark()
    {
        var path = Path.Combine(_dir, "aurora.yaml");
        var text = "services:\r\n  api:\r\n    command: app\r\n    health:\r\n      http: http://127.0.0.1:1/\r\n      start_period: 5s\r\n";
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)]);
        var edit = ConfigEditor.Plan([path], StartPeriod());
        Assert.Equal(text.Replace("5s", "12s", StringComparison.Ordinal), edit.After.Text);
        Assert.Equal([0xEF, 0xBB, 0xBF], edit.After.Bytes()[..3]);

        var added = ConfigEditor.Plan([path], InsightProposal.Set("api", "2s", "4s", "health", "timeout"));
        Assert.Equal(text + "      timeout: 4s\r\n", added.After.Text);
    }

    [Fact]
    public void Keeps_the_quoting_of_the_value()
    {
        var file = Write("aurora.yaml", "services:\n  api:\n    command: app\n    health: { http: \"http://127.0.0.1:1/\", start_period: \"5s\" }\n");
        Assert.Equal("services:\n  api:\n    command: app\n    health: { http: \"http://127.0.0.1:1/\", start_period: \"12s\" }\n",
            ConfigEditor.Plan([file], StartPeriod()).After.Text);
    }

    [Fact]
    public void Adds_a_missing_key_after_its_last_sibling_with_their_indentation()
    {
        var file = Write("aurora.yaml", """
            services:
              api:
                command: app
                health:
                    http: http://127.0.0.1:1/   # four spaces here
                    interval: 1s
                ports: [5001]

            """);
        Assert.Equal("""
            services:
              api:
                command: app
                health:
                    http: http://127.0.0.1:1/   # four spaces here
                    interval: 1s
                    start_period: 12s
                ports: [5001]

            """, ConfigEditor.Plan([file], StartPeriod()).After.Text);
    }

    [Fact]
    public void Adds_a_missing_key_inside_a_flow_mapping()
    {
        var file = Write("aurora.yaml", "services:\n  api: { command: app, health: { tcp: \"127.0.0.1:1\" } }  # one line\n");
        Assert.Equal("services:\n  api: { command: app, health: { tcp: \"127.0.0.1:1\", start_period: 12s } }  # one line\n",
            ConfigEditor.Plan([file], StartPeriod()).After.Text);
        Assert.Equal("services:\n  api: { command: app, health: { tcp: \"127.0.0.1:1\" }, restart: { limit: { count: 10 } } }  # one line\n",
            ConfigEditor.Plan([file], InsightProposal.Set("api", "5", "10", "restart", "limit", "count")).After.Text);
    }

    [Fact]
    public void Adds_missing_parent_maps_under_the_service()
    {
        var file = Write("aurora.yaml", "services:\n  api:\n    command: app\n  web:\n    command: web\n");
        Assert.Equal("services:\n  api:\n    command: app\n    limits:\n      memory: 256MiB\n  web:\n    command: web\n",
            ConfigEditor.Plan([file], InsightProposal.Set("api", "1GiB", "256MiB", "limits", "memory")).After.Text);
    }

    [Fact]
    public void Adds_a_key_at_the_end_of_a_file_without_a_final_newline()
    {
        var file = Write("aurora.yaml", "services:\n  api:\n    command: app\n    health:\n      http: http://127.0.0.1:1/");
        Assert.Equal("services:\n  api:\n    command: app\n    health:\n      http: http://127.0.0.1:1/\n      start_period: 12s\n",
            ConfigEditor.Plan([file], StartPeriod()).After.Text);
    }

    [Fact]
    public void Edits_the_last_file_that_sets_the_value()
    {
        var base_ = Write("base.yaml", "services:\n  api:\n    command: app\n    health: { http: \"http://127.0.0.1:1/\", start_period: 1s }\n");
        var dev = Write("dev.yaml", "services:\n  api:\n    health:\n      start_period: 5s   # dev is slower\n");
        var edit = ConfigEditor.Plan([base_, dev], StartPeriod());
        Assert.Equal(dev, edit.File);
        Assert.Equal("services:\n  api:\n    health:\n      start_period: 12s   # dev is slower\n", edit.After.Text);
    }

    [Fact]
    public void A_new_key_goes_beside_its_siblings_even_when_a_later_file_defines_the_service()
    {
        var base_ = Write("base.yaml", "services:\n  api:\n    command: app\n    health:\n      http: http://127.0.0.1:1/\n");
        var dev = Write("dev.yaml", "services:\n  api:\n    env: { DEBUG: \"1\" }\n");
        Assert.Equal(base_, ConfigEditor.Plan([base_, dev], StartPeriod()).File);

        // No file has the parent: the last file that defines the service gets it.
        Assert.Equal(dev, ConfigEditor.Plan([base_, dev], InsightProposal.Set("api", "5", "10", "restart", "limit", "count")).File);
    }

    [Fact]
    public void Removes_a_list_item_and_keeps_the_others()
    {
        var file = Write("aurora.yaml", """
            services:
              api:
                command: app
                fixes:
                  - cause: missing_dependency     # first
                    run: ["pip", "install", "-r", "requirements.txt"]
                  - cause: crash_loop
                    run: ["./reset.sh"]
                ports: [1]

            """);
        var proposal = new InsightProposal(["services", "api", "fixes", "0"], "cause: missing_dependency", null);
        Assert.Equal("""
            services:
              api:
                command: app
                fixes:
                  - cause: crash_loop
                    run: ["./reset.sh"]
                ports: [1]

            """, ConfigEditor.Plan([file], proposal).After.Text);
    }

    [Theory]
    [InlineData("services:\n  api:\n    command: app\n    health: { http: \"http://x/\", start_period: \"${SP:-5s}\" }\n", "variable")]
    [InlineData("x: &h { http: \"http://x/\", start_period: 5s }\nservices:\n  api:\n    command: app\n    health: *h\n", "anchor &h")]
    [InlineData("services:\n  api:\n    command: app\n    health: null\n", "not a mapping")]
    [InlineData("services:\n  web:\n    command: app\n", "no config file defines services.api")]
    [InlineData("services:\n  api:\n    command: app\n    health:\n      http: http://x/\n      start_period: |\n        5s\n", "block scalar")]
    public void Declines_what_it_cannot_edit_safely(string text, string why)
    {
        var file = Write("aurora.yaml", text);
        var located = ConfigEditor.Locate([file], StartPeriod());
        Assert.Null(located.File);
        Assert.Contains(why, located.Declined, StringComparison.Ordinal);
    }

    [Fact]
    public void Declines_removing_an_item_of_a_flow_list()
    {
        var file = Write("aurora.yaml", "services:\n  api:\n    command: app\n    fixes: [{ cause: crash_loop, run: [\"./x\"] }]\n");
        var located = ConfigEditor.Locate([file], new InsightProposal(["services", "api", "fixes", "0"], "x", null));
        Assert.Contains("flow style", located.Declined, StringComparison.Ordinal);
    }
}
