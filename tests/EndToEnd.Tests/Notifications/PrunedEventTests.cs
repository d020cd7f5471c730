using System.Text.Json;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Baktainer.Tests.Shared.Http;
using EndToEnd.Tests.Daemon;

namespace EndToEnd.Tests.Notifications;

/// <summary>
/// Retention's deletions reach notifiers: the daemon backs a real SQLite container up with
/// <c>BT_RETENTION_COUNT=1</c>, prunes after the second backup, and a real HTTP listener receives
/// a signed <c>backup.pruned</c> event naming the target and the backup that was deleted.
/// </summary>
[Category("Docker")]
public sealed class PrunedEventTests : EndToEndTest
{
    [Test]
    public async Task Run_RetentionCount1_WebhookReceivesSignedPrunedEventNamingDeletedBackup()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("pruned"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db", ["baktainer.schedule"] = "*/2 * * * * *",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x); insert into t values (1);");
        await using var endpoint = await RecordingEndpoint.StartAsync();
        var secret = StandardWebhooks.NewSecret();
        using var daemon = new DaemonProcess(Backups.Environment(("BT_CRON_SECONDS", "true"), ("BT_CRON", "0 0 0 1 1 *"), ("BT_CATCH_UP", "false"),
            ("BT_RETENTION_COUNT", "1"),
            ("Baktainer__Notifiers__0__Name", "hook"), ("Baktainer__Notifiers__0__Type", "webhook"), ("Baktainer__Notifiers__0__Url", endpoint.Url("/hook")),
            ("Baktainer__Notifiers__0__Secret", secret), ("Baktainer__Notifiers__0__Events", "succeeded,pruned")));

        var pruned = await endpoint.WaitForAsync(r => r.Body.Contains("\"type\":\"backup.pruned\"", StringComparison.Ordinal), 1, TimeSpan.FromSeconds(60));
        daemon.Terminate();
        Assert.That(await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo(0), daemon.Output);
        Assert.That(pruned, Is.Not.Empty, "no backup.pruned event arrived\n" + daemon.Output);

        var hook = pruned[0];
        Assert.That(StandardWebhooks.Verify(hook, secret), Is.True, "signed as every webhook event is (Standard Webhooks, the entry's secret)");
        var data = JsonDocument.Parse(hook.Body).RootElement.GetProperty("data");
        Assert.That(data.GetProperty("target").GetString(), Is.EqualTo(db.Name));
        var deleted = data.GetProperty("details").GetProperty("Deleted").GetString()!.Split('\n');

        // The deleted backup is one the daemon made and announced, and it is gone from the folder.
        var succeededKeys = endpoint.Requests.Where(r => r.Body.Contains("\"type\":\"backup.succeeded\"", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("manifest").GetProperty("key").GetString()).ToList();
        Assert.That(deleted, Is.Not.Empty);
        foreach (var entry in deleted)
        {
            Assert.That(entry, Does.StartWith("local:"), "the storage is named");
            var key = entry["local:".Length..];
            Assert.That(succeededKeys, Does.Contain(key), "a backup announced as succeeded earlier");
            Assert.That(File.Exists(Path.Combine(Backups.Path, key)), Is.False, $"{key} was deleted");
            Assert.That(File.Exists(Path.Combine(Backups.Path, key + ".json")), Is.False, $"{key}'s manifest was deleted");
            Assert.That(data.GetProperty("message").GetString(), Does.Contain(key));
        }
        Assert.That(Backups.AllFiles().Count(f => f.EndsWith(".json")), Is.GreaterThanOrEqualTo(1), "the newest backup is kept");
    }
}
