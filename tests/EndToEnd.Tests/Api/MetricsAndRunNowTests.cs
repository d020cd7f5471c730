using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Api;

/// <summary>
/// The daemon's API after real backups it ran on request: POST needs the token, /metrics passes
/// promtool and agrees with the manifests, /backups, /status, /containers and a redacted /config.
/// </summary>
[Category("Docker")]
public sealed class MetricsAndRunNowTests : EndToEndTest
{
    private const string Token = "api-token-for-tests";
    private const string SlackUrl = "https://hooks.slack.com/services/T000/B000/secretpart";

    private async Task WaitForBackupsAsync(string name, int count)
    {
        await Eventually.HoldsAsync(() => Manifests(name).Count >= count, TimeSpan.FromSeconds(30), $"{count} backup(s) of {name}");
        Assert.That(Manifests(name), Has.Count.EqualTo(count));
    }

    private List<BackupManifest> Manifests(string name) =>
        Directory.EnumerateFiles(Backups.Path, name + "-*.json", SearchOption.AllDirectories)
            .Select(f => ManifestJson.TryParse(File.ReadAllBytes(f))).OfType<BackupManifest>().OrderBy(m => m.FinishedUtc).ToList();

    private static double Sample(string metrics, string name, string target, string? extra = null)
    {
        var pattern = $@"^{name}\{{target=""{Regex.Escape(target)}"",engine=""sqlite""{(extra is null ? "" : "," + Regex.Escape(extra))}\}} (\S+)$";
        var match = Regex.Match(metrics, pattern, RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, $"{name} for {target} in:\n{metrics}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task RunNowAndMetrics_AfterTwoRealBackups_TokenEnforcedPromtoolCleanValuesMatchManifests()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("api-metrics"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x); insert into t values (1), (2), (3);");
        using var daemon = await ApiDaemon.StartAsync(Backups.Environment(("BT_CRON", "0 0 1 1 *"), ("BT_CATCH_UP", "false"), ("BT_API_TOKEN", Token),
            ("BT_NOTIFICATION_CHANNELS", "slack"), ("BT_SLACK_WEBHOOK_URL", SlackUrl), ("Baktainer__HealthInterval", "1s")));
        await Eventually.HoldsAsync(async () => (await daemon.SendAsync(HttpMethod.Get, "/containers", Token)).Body.Contains($"\"{db.Name}\""),
            TimeSpan.FromSeconds(20), "the watcher to see the container");

        var anonymous = await daemon.SendAsync(HttpMethod.Post, $"/targets/{db.Name}/backup");
        var wrong = await daemon.SendAsync(HttpMethod.Post, $"/targets/{db.Name}/backup", "not-the-token");
        Assert.That((anonymous.Status, wrong.Status), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
        Assert.That(Manifests(db.Name), Is.Empty, "refused requests run nothing");
        var first = await daemon.SendAsync(HttpMethod.Post, $"/targets/{db.Name}/backup", Token);
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.Accepted), first.Body + daemon.Process.Output);
        Assert.That(first.Body, Does.Contain("\"runId\""));
        await WaitForBackupsAsync(db.Name, 1);
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "insert into t select x + 3 from t;");
        Assert.That((await daemon.SendAsync(HttpMethod.Post, $"/targets/{db.Name}/backup", Token)).Status, Is.EqualTo(HttpStatusCode.Accepted));
        await WaitForBackupsAsync(db.Name, 2);
        await Eventually.HoldsAsync(async () => (await daemon.SendAsync(HttpMethod.Get, "/metrics", Token)).Body
            .Contains($"baktainer_backups_total{{target=\"{db.Name}\",engine=\"sqlite\",result=\"success\"}} 2"), TimeSpan.FromSeconds(20), "the second backup in /metrics");

        Assert.That((await daemon.SendAsync(HttpMethod.Get, "/metrics")).Status, Is.EqualTo(HttpStatusCode.Unauthorized), "reads need the token when one is set");
        var (_, metrics) = await daemon.SendAsync(HttpMethod.Get, "/metrics", Token);
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "metrics.txt");
        await File.WriteAllTextAsync(file, metrics);
        TestContext.AddTestAttachment(file, "/metrics after two backups");
        var promtool = await ExternalTool.RunAsync("promtool", metrics, TimeSpan.FromSeconds(30), "check", "metrics");
        Assert.That((promtool.Code, promtool.Out + promtool.Error), Is.EqualTo((0, "")), "promtool check metrics has no complaint");

        var last = Manifests(db.Name)[^1];
        Assert.That(Sample(metrics, "baktainer_last_success_timestamp_seconds", db.Name), Is.EqualTo(last.FinishedUtc.ToUnixTimeSeconds()));
        Assert.That(Sample(metrics, "baktainer_last_backup_stored_bytes", db.Name), Is.EqualTo(last.StoredSize));
        Assert.That(Sample(metrics, "baktainer_last_backup_raw_bytes", db.Name), Is.EqualTo(last.RawSize));
        Assert.That(Sample(metrics, "baktainer_last_backup_duration_seconds", db.Name), Is.EqualTo((last.FinishedUtc - last.StartedUtc).TotalSeconds).Within(0.001));
        Assert.That(Sample(metrics, "baktainer_backups_total", db.Name, "result=\"success\""), Is.EqualTo(2));
        Assert.That(Sample(metrics, "baktainer_bytes_written_total", db.Name), Is.EqualTo(Manifests(db.Name).Sum(m => m.StoredSize)));
        Assert.That(Sample(metrics, "baktainer_last_attempt_success", db.Name), Is.EqualTo(1));
        var attempt = Sample(metrics, "baktainer_last_attempt_timestamp_seconds", db.Name);
        Assert.That(attempt, Is.InRange(last.FinishedUtc.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()), "the last attempt ended when its backup did");
        var version = (await daemon.JsonAsync("/status", Token)).GetProperty("daemon").GetProperty("version").GetString();
        Assert.That(metrics, Does.Contain($"baktainer_build_info{{version=\"{version}\"}} 1"));
        var plugins = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(RepoPaths.HostExecutable)!, "plugins")).Length;
        Assert.That(metrics, Does.Contain($"baktainer_plugins_loaded {plugins}\n"), "every bundled plugin folder loaded");
        Assert.That(metrics, Does.Contain("baktainer_docker_reachable 1").And.Contain("baktainer_up 1").And.Contain("baktainer_storage_free_bytes{storage=\"local\"}"));

        var backups = await daemon.JsonAsync($"/backups?target={db.Name}", Token);
        Assert.That(backups.EnumerateArray().Select(b => b.GetProperty("manifest").GetProperty("sha256").GetString()), Is.EquivalentTo(Manifests(db.Name).Select(m => m.Sha256)));
        Assert.That((await daemon.JsonAsync("/backups?target=not-a-target", Token)).GetArrayLength(), Is.Zero, "the target filter applies");
        var status = await daemon.JsonAsync("/status", Token);
        var target = status.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == db.Name);
        Assert.That((target.GetProperty("state").GetString(), target.GetProperty("lastSuccessKey").GetString()), Is.EqualTo(("ok", last.Key)));
        var containers = await daemon.JsonAsync("/containers", Token);
        Assert.That(containers.EnumerateArray().Any(c => c.GetProperty("container").GetString() == db.Name && c.GetProperty("ready").GetBoolean()), Is.True);
        var (_, config) = await daemon.SendAsync(HttpMethod.Get, "/config", Token);
        Assert.That(config, Does.Not.Contain(Token).And.Not.Contain("secretpart"), "secrets are redacted in /config");
        Assert.That(config, Does.Contain("\"apiToken\": \"********\"").And.Contain("\"Url\": \"********\""));
    }
}
