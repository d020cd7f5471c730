using System.Text.Json;
using Baktainer.Tests.Shared.Docker;
using Baktainer.Tests.Shared.Http;
using EndToEnd.Tests.Daemon;

namespace EndToEnd.Tests.Notifications;

/// <summary>
/// What the daemon tells a webhook besides backups: it started, a backup was verified, a scheduled
/// container is gone (a failure before any backup could start), it stopped.
/// </summary>
[Category("Docker")]
public sealed class DaemonEventTests : EndToEndTest
{
    private static async Task<IReadOnlyList<(string Type, JsonElement Data)>> EventsAsync(RecordingEndpoint endpoint, string type, TimeSpan within)
    {
        var matched = await endpoint.WaitForAsync(r => r.Body.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal), 1, within);
        return matched.Select(r => JsonDocument.Parse(r.Body).RootElement).Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("data").Clone())).ToList();
    }

    [Test]
    public async Task Run_VerifiedBackupThenContainerRemoved_WebhookHearsVerifiedGoneAndLifecycle()
    {
        var db = await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("events"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
            ["baktainer.schedule"] = "*/2 * * * * *", ["baktainer.verify"] = "checksum",
        });
        Track(db);
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x); insert into t values (1);");
        await using var endpoint = await RecordingEndpoint.StartAsync();
        var secret = StandardWebhooks.NewSecret();
        using var daemon = new DaemonProcess(Backups.Environment(("BT_CRON_SECONDS", "true"), ("BT_CRON", "0 0 0 1 1 *"), ("BT_CATCH_UP", "false"),
            ("BT_NOTIFICATION_CHANNELS", "webhook"), ("BT_WEBHOOK_URL", endpoint.Url("/events")), ("BT_WEBHOOK_SECRET", secret),
            ("Baktainer__Notifiers__0__Name", "all-events"), ("Baktainer__Notifiers__0__Type", "webhook"), ("Baktainer__Notifiers__0__Url", endpoint.Url("/all")),
            ("Baktainer__Notifiers__0__Events", "all")));

        var verified = await EventsAsync(endpoint, "backup.verified", TimeSpan.FromSeconds(30));
        Assert.That(verified, Is.Not.Empty, daemon.Output);
        Assert.That(verified[0].Data.GetProperty("manifest").GetProperty("verification").GetString(), Is.EqualTo("checksum"));
        await db.DisposeAsync();
        var gone = await EventsAsync(endpoint, "backup.failed", TimeSpan.FromSeconds(30));
        Assert.That(gone, Is.Not.Empty, daemon.Output);
        Assert.That(gone[0].Data.GetProperty("error").GetString(), Does.Contain(db.Name).And.Contain("is gone"));
        daemon.Terminate();
        Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0), daemon.Output);

        var legacy = endpoint.Requests.Where(r => r.Path == "/events").ToList();
        var all = endpoint.Requests.Where(r => r.Path == "/all").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).ToList();
        Assert.That(all, Does.Contain("daemon.started").And.Contain("backup.started").And.Contain("backup.succeeded").And.Contain("daemon.stopped"), string.Join(", ", all));
        Assert.That(legacy.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()), Does.Not.Contain("backup.succeeded").And.Not.Contain("backup.started"),
            "BT_NOTIFY_SUCCESS defaults to false");
        Assert.That(legacy.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()), Does.Contain("backup.failed").And.Contain("daemon.started"));
        Assert.That(legacy.All(r => StandardWebhooks.Verify(r, secret)), Is.True, "BT_WEBHOOK_SECRET signs the legacy channel");
    }
}
