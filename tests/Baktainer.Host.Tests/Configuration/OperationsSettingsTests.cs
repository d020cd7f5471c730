using Baktainer.Abstractions.Notifications;
using Baktainer.Host.Configuration;
using Baktainer.Tests.Shared;

namespace Baktainer.Host.Tests.Configuration;

/// <summary>BT_NOTIFICATION_CHANNELS and friends, BT_NOTIFY_*, the HTTP settings and per-notifier rules.</summary>
public sealed class OperationsSettingsTests
{
    private static (BaktainerSettings Settings, IReadOnlyList<string> Errors) Read(Dictionary<string, string> environment)
    {
        using var folder = new TempFolder("bt-ops");
        var reader = new SettingsReader(ConfigurationSources.Build(null, environment, folder.Path));
        return (reader.Read(), reader.Errors);
    }

    [Test]
    public void Read_LegacyChannels_OneNotifierPerChannelWithItsUrl()
    {
        var (s, errors) = Read(new()
        {
            ["BT_NOTIFICATION_CHANNELS"] = "slack, webhook,log",
            ["BT_SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/T/B/x",
            ["BT_WEBHOOK_URL"] = "https://example.com/hook",
            ["BT_WEBHOOK_SECRET"] = "whsec_abc",
        });

        Assert.That(errors, Is.Empty);
        Assert.That(s.Notifiers.Select(n => (n.Name, n.Type)), Is.EqualTo(new[] { ("slack", "slack"), ("webhook", "webhook"), ("log", "log") }));
        Assert.That(s.Notifiers[0].Settings["Url"], Is.EqualTo("https://hooks.slack.com/services/T/B/x"));
        Assert.That(s.Notifiers[1].Settings["Secret"], Is.EqualTo("whsec_abc"));
    }

    [Test]
    public void Read_ChannelWithoutUrl_ErrorNamesVariable()
    {
        var (_, errors) = Read(new() { ["BT_NOTIFICATION_CHANNELS"] = "discord" });

        Assert.That(errors, Has.One.Contains("BT_DISCORD_WEBHOOK_URL").And.Contains("discord"));
    }

    [Test]
    public void Read_ChannelSettingsWithoutTheChannelListed_ErrorInsteadOfIgnored()
    {
        var (s, errors) = Read(new()
        {
            ["BT_NOTIFICATION_CHANNELS"] = "slack",
            ["BT_SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/T/B/x",
            ["BT_WEBHOOK_SECRET"] = "whsec_abc",
            ["BT_EMAIL_HOST"] = "smtp.example.com",
        });

        Assert.That(s.Notifiers.Select(n => n.Name), Is.EqualTo(new[] { "slack" }));
        Assert.That(errors, Is.EquivalentTo(new[]
        {
            "BT_WEBHOOK_SECRET (Channels:WebhookSecret) set but BT_NOTIFICATION_CHANNELS (NotificationChannels) does not include webhook; add webhook to it or remove it",
            "BT_EMAIL_HOST (Channels:Email:Host) set but BT_NOTIFICATION_CHANNELS (NotificationChannels) does not include email; add email to it or remove it",
        }));
    }

    [Test]
    public void Read_UnknownChannel_ErrorListsValidOnes()
    {
        var (_, errors) = Read(new() { ["BT_NOTIFICATION_CHANNELS"] = "pager" });

        Assert.That(errors, Has.One.Contains("BT_NOTIFICATION_CHANNELS").And.Contains("slack, discord, teams, webhook, email, log"));
    }

    [Test]
    public void Read_NotifyDefaults_FailuresWarningsHealthButNotSuccessOrSummary()
    {
        var (s, _) = Read(new() { ["BT_NOTIFICATION_CHANNELS"] = "log" });

        var events = s.Operations.Rules["log"].Events;
        Assert.That(events, Does.Contain(BackupEventKind.Failed).And.Contain(BackupEventKind.Overdue).And.Contain(BackupEventKind.DockerUnreachable));
        Assert.That(events, Does.Not.Contain(BackupEventKind.Succeeded).And.Not.Contain(BackupEventKind.Summary));
    }

    [Test]
    public void Read_NotifySuccessTrueFailuresFalse_RuleFollows()
    {
        var (s, _) = Read(new() { ["BT_NOTIFICATION_CHANNELS"] = "log", ["BT_NOTIFY_SUCCESS"] = "true", ["BT_NOTIFY_FAILURES"] = "false", ["BT_NOTIFY_SUMMARY"] = "true" });

        var events = s.Operations.Rules["log"].Events;
        Assert.That(events, Does.Contain(BackupEventKind.Succeeded).And.Contain(BackupEventKind.Summary));
        Assert.That(events, Does.Not.Contain(BackupEventKind.Failed));
    }

    [Test]
    public void Read_NotifyWarningsAndHealthFalse_ThoseGroupsLeftOut()
    {
        var (s, errors) = Read(new() { ["BT_NOTIFICATION_CHANNELS"] = "log", ["BT_NOTIFY_WARNINGS"] = "false", ["BT_NOTIFY_HEALTH"] = "false" });

        Assert.That(errors, Is.Empty);
        var events = s.Operations.Rules["log"].Events;
        Assert.That(events, Is.EquivalentTo(new[] { BackupEventKind.Failed, BackupEventKind.VerificationFailed }), "failures only");
        var dockerDown = new BackupEvent(BackupEventKind.DockerUnreachable, "", "", DateTimeOffset.UtcNow, "down");
        var overdue = new BackupEvent(BackupEventKind.Overdue, "orders", "postgres", DateTimeOffset.UtcNow, "late");
        var dockerBack = new BackupEvent(BackupEventKind.Recovered, "", "", DateTimeOffset.UtcNow, "Docker is reachable again");
        Assert.That(new[] { dockerDown, overdue, dockerBack }.Select(e => s.Operations.Rules["log"].Apply(e, 0)), Is.All.Null, "no health or warning alert, and no Docker recovery either");
    }

    [Test]
    public void Read_EntryEventsAndMinFailures_ParsedAndBadNamesRejected()
    {
        var (s, errors) = Read(new()
        {
            ["Baktainer__Notifiers__0__Name"] = "ops", ["Baktainer__Notifiers__0__Type"] = "log",
            ["Baktainer__Notifiers__0__Events"] = "failed, recovered, verification_failed", ["Baktainer__Notifiers__0__MinFailures"] = "3",
            ["Baktainer__Notifiers__1__Name"] = "bad", ["Baktainer__Notifiers__1__Type"] = "log", ["Baktainer__Notifiers__1__Events"] = "explode",
        });

        Assert.That(s.Operations.Rules["ops"].Events, Is.EquivalentTo(new[] { BackupEventKind.Failed, BackupEventKind.Recovered, BackupEventKind.VerificationFailed }));
        Assert.That(s.Operations.Rules["ops"].MinFailures, Is.EqualTo(3));
        Assert.That(errors, Has.One.Contains("Notifiers:1:Events").And.Contains("\"explode\"").And.Contains("docker_unreachable"));
    }

    [Test]
    public void Read_NoHttpSettings_OriginalToolsDefaults()
    {
        var (s, errors) = Read(new());

        Assert.That(errors, Is.Empty);
        Assert.That((s.Operations.HttpEnabled, s.Operations.Bind, s.HealthPort, s.Operations.ApiToken), Is.EqualTo((true, "0.0.0.0", 8080, (Baktainer.Abstractions.Secret?)null)),
            "on, 0.0.0.0:8080 as the Ruby tool, no token");
    }

    [Test]
    public void Read_HealthBindAndToken_ReadAndBadBindRejected()
    {
        var (s, _) = Read(new() { ["BT_HEALTH_BIND"] = "127.0.0.1", ["BT_HEALTH_PORT"] = "0", ["BT_API_TOKEN"] = "t0ken" });
        var (_, errors) = Read(new() { ["BT_HEALTH_BIND"] = "not an address" });

        Assert.That((s.Operations.Bind, s.HealthPort, s.Operations.ApiToken!.Reveal()), Is.EqualTo(("127.0.0.1", 0, "t0ken")));
        Assert.That(errors, Has.One.Contains("BT_HEALTH_BIND (HealthBind)"));
    }
}
