using Aurora.Core.Config;
using Aurora.Core.Healing;
using Aurora.Daemon.Notify;

namespace Aurora.IntegrationTests.Events;

/// SPEC §7: what events say about webhooks and user fixes carries no secret.
public class SecretsInEventsTests
{
    [Theory]
    [InlineData("http://user:hunter2@127.0.0.1:9000/hook?token=abc", "http://127.0.0.1:9000")]
    [InlineData("https://hooks.example.com/services/T0/B0/XXXXSECRET", "https://hooks.example.com")]
    [InlineData("not a url", "(invalid url)")]
    public void A_webhook_is_named_by_scheme_and_host_only(string url, string shown) =>
        Assert.Equal(shown, WebhookNotifier.Origin(url));

    [Fact]
    public void A_user_fix_is_named_without_the_secrets_on_its_command_line()
    {
        var spec = new UserFix("missing_dependency", ["pip", "install", "--index-url", "https://user:s3cr3t@pypi.example/simple", "--token=abc123"], [], []);
        var fix = new UserDefinedFix(spec, 0, null!, null!, TimeSpan.FromSeconds(1));

        Assert.DoesNotContain("s3cr3t", fix.Name);
        Assert.DoesNotContain("abc123", fix.Name);
        Assert.StartsWith("user:0:pip install", fix.Name);
    }
}
