using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Notifications;

/// <summary>Bad notifier settings are start-up errors (validate lists them) that never show the secret itself.</summary>
public sealed class NotifierValidationTests : EndToEndTest
{
    [Test]
    public async Task Validate_BadChannelUrlAndWebhookSecret_ErrorsWithoutSecrets()
    {
        var (code, output, error) = await BaktainerProcess.RunAsync(Backups.Environment(("BT_NOTIFICATION_CHANNELS", "slack,webhook"),
            ("BT_SLACK_WEBHOOK_URL", "ftp://hooks.example/secretpart"), ("BT_WEBHOOK_URL", "https://example.com/hook/tokenpart"),
            ("BT_WEBHOOK_SECRET", "not-a-whsec-secret"), ("BT_API_TOKEN", "api-token-value")), "validate");

        var all = output + error;
        Assert.That(code, Is.EqualTo(2), all);
        Assert.That(all, Does.Contain("slack notifier 'slack': BT_SLACK_WEBHOOK_URL (Channels:Slack) is not an http(s) URL"));
        Assert.That(all, Does.Contain("webhook notifier 'webhook': BT_WEBHOOK_SECRET (Channels:WebhookSecret) is not a Standard Webhooks secret"));
        Assert.That(all, Does.Not.Contain("secretpart").And.Not.Contain("tokenpart").And.Not.Contain("not-a-whsec-secret").And.Not.Contain("api-token-value"));
    }

    [Test]
    public async Task Run_BadNotifier_RefusesToStartNamingIt()
    {
        var (code, _, error) = await BaktainerProcess.RunAsync(Backups.Environment(("BT_NOTIFICATION_CHANNELS", "discord"),
            ("BT_DISCORD_WEBHOOK_URL", "not a url"), ("BT_HEALTH_PORT", "0"), ("BT_HEALTH_BIND", "127.0.0.1")), "run");

        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error, Does.Contain("discord notifier 'discord': BT_DISCORD_WEBHOOK_URL (Channels:Discord)"));
    }
}
