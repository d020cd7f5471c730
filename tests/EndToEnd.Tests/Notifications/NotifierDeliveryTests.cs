using System.Diagnostics;
using System.Text.Json;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Baktainer.Tests.Shared.Http;
using Baktainer.Tests.Shared.Smtp;

namespace EndToEnd.Tests.Notifications;

/// <summary>
/// Real backups and a real failure of SQLite containers, told to every notifier type: a Kestrel
/// listener on 127.0.0.1 stands in for the webhook, Slack, Discord, Teams and ping services, and an
/// aiosmtpd sink for the mail server.
/// </summary>
[Category("Docker")]
public sealed class NotifierDeliveryTests : EndToEndTest
{
    private static readonly string Secret = StandardWebhooks.NewSecret();

    private async Task<(TestContainer Good, TestContainer Bad)> TargetsAsync()
    {
        var good = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("deliver-ok"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(good, "/data/app.db", "create table t(x); insert into t values (42);");
        var bad = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("deliver-bad"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/missing/app.db",
        }));
        return (good, bad);
    }

    private static (string, string)[] Notifier(int index, string name, string type, params (string Key, string Value)[] settings) =>
    [
        ($"Baktainer__Notifiers__{index}__Name", name), ($"Baktainer__Notifiers__{index}__Type", type), ($"Baktainer__Notifiers__{index}__RetryDelay", "1s"),
        .. settings.Select(s => ($"Baktainer__Notifiers__{index}__{s.Key}", s.Value)),
    ];

    private async Task<(int Code, string Out, string Error)> BackupAsync((string, string)[] environment, string target)
    {
        var result = await BaktainerProcess.RunAsync(Backups.Environment(environment), "backup", "--target", target);
        await TestContext.Out.WriteLineAsync($"backup {target} -> {result.Code}\n{result.Out}{result.Error}");
        return result;
    }

    [Test]
    public async Task Backup_SuccessAndFailure_EveryNotifierTypeReceivesItsPayload()
    {
        var (good, bad) = await TargetsAsync();
        await using var endpoint = await RecordingEndpoint.StartAsync();
        using var smtp = await SmtpSink.StartAsync();
        endpoint.Script("/webhook", new Reply(500, "busy"));   // the first event is retried
        endpoint.Script("/discord", new Reply(400, "bad embed")); // the first event is refused, never retried
        (string, string)[] environment =
        [
            ("BT_NOTIFY_SUCCESS", "true"),
            .. Notifier(0, "hook", "webhook", ("Url", endpoint.Url("/webhook")), ("Secret", Secret)),
            .. Notifier(1, "chat", "slack", ("Url", endpoint.Url("/slack"))),
            .. Notifier(2, "gaming", "discord", ("Url", endpoint.Url("/discord"))),
            .. Notifier(3, "office", "teams", ("Url", endpoint.Url("/teams"))),
            .. Notifier(4, "cron", "ping", ("Url", endpoint.Url("/ping/abc")), ("Start", "true"), ("Events", "started,succeeded,failed")),
            .. Notifier(5, "mail", "email", ("Host", "127.0.0.1"), ("Port", smtp.Port.ToString()), ("StartTls", "false"), ("From", "bt@example.com"), ("To", "ops@example.com")),
        ];

        var ok = await BackupAsync(environment, good.Name);
        var failed = await BackupAsync(environment, bad.Name);

        Assert.That(ok.Code, Is.EqualTo(0));
        Assert.That(failed.Code, Is.EqualTo(1));
        var manifest = Backups.AllFiles().Where(f => f.EndsWith(".json")).Select(f => JsonDocument.Parse(File.ReadAllText(Path.Combine(Backups.Path, f)))).Single().RootElement;
        var requests = endpoint.Requests;

        var hooks = requests.Where(r => r.Path == "/webhook").ToList();
        Assert.That(hooks, Has.Count.EqualTo(3), "success (500, then retried) and failure");
        Assert.That(hooks.All(h => StandardWebhooks.Verify(h, Secret)), Is.True, "every attempt is signed with the secret");
        Assert.That(hooks[1].Headers["webhook-id"], Is.EqualTo(hooks[0].Headers["webhook-id"]), "a retry keeps the message id");
        var success = JsonDocument.Parse(hooks[1].Body).RootElement;
        Assert.That(success.GetProperty("type").GetString(), Is.EqualTo("backup.succeeded"));
        Assert.That(success.GetProperty("data").GetProperty("manifest").GetProperty("sha256").GetString(), Is.EqualTo(manifest.GetProperty("sha256").GetString()));
        var failure = JsonDocument.Parse(hooks[2].Body).RootElement;
        Assert.That(failure.GetProperty("type").GetString(), Is.EqualTo("backup.failed"));
        Assert.That(failure.GetProperty("data").GetProperty("error").GetString(), Does.Contain(bad.Name));

        var slack = requests.Where(r => r.Path == "/slack").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.That(slack, Has.Count.EqualTo(2));
        Assert.That(slack[0].GetProperty("text").GetString(), Does.StartWith($"Backup succeeded: {good.Name}"));
        Assert.That(slack[1].GetProperty("text").GetString(), Does.StartWith($"Backup FAILED: {bad.Name}"));
        Assert.That(slack[1].GetProperty("blocks").GetArrayLength(), Is.EqualTo(3));

        var discord = requests.Where(r => r.Path == "/discord").ToList();
        Assert.That(discord, Has.Count.EqualTo(2), "the refused (400) success event is not retried; the failure is sent");
        Assert.That(JsonDocument.Parse(discord[1].Body).RootElement.GetProperty("embeds")[0].GetProperty("color").GetInt32(), Is.EqualTo(0xE01E5A));
        Assert.That(ok.Error, Does.Contain("Notifier gaming could not send the Succeeded event").And.Contain("HTTP 400").And.Contain("not retried"));

        var teams = requests.Where(r => r.Path == "/teams").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.That(teams, Has.Count.EqualTo(2));
        Assert.That(teams.All(t => t.GetProperty("attachments")[0].GetProperty("content").GetProperty("version").GetString() == "1.4"), Is.True);

        Assert.That(requests.Where(r => r.Path.StartsWith("/ping/")).Select(r => r.Path),
            Is.EqualTo(new[] { "/ping/abc/start", "/ping/abc", "/ping/abc/start", "/ping/abc/fail" }));

        var mails = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(5));
        Assert.That(mails, Has.Count.EqualTo(2));
        Assert.That(mails, Has.One.Contains($"Subject: [Baktainer] Backup succeeded: {good.Name}"));
        Assert.That(mails, Has.One.Contains($"Subject: [Baktainer] Backup FAILED: {bad.Name}"));
        Assert.That(ok.Out + ok.Error + failed.Out + failed.Error, Does.Not.Contain("/webhook").And.Not.Contain(Secret), "URLs and secrets stay out of the output");
    }

    [Test]
    public async Task Backup_EndpointNeverAnswers_ResultDelayedByNoMoreThanTimeout()
    {
        var (good, _) = await TargetsAsync();
        await using var endpoint = await RecordingEndpoint.StartAsync();
        endpoint.Script("/hang", Reply.NoAnswer, Reply.NoAnswer);
        (string, string)[] hung = [("BT_NOTIFY_SUCCESS", "true"), .. Notifier(0, "stuck", "webhook", ("Url", endpoint.Url("/hang")), ("Timeout", "3s"), ("Retries", "0"))];

        var clock = Stopwatch.StartNew();
        var baseline = await BackupAsync([], good.Name);
        var plain = clock.Elapsed;
        clock.Restart();
        var withHung = await BackupAsync(hung, good.Name);
        var delayed = clock.Elapsed;

        Assert.That((baseline.Code, withHung.Code), Is.EqualTo((0, 0)), "a notifier never changes the result");
        Assert.That(endpoint.Requests.Count(r => r.Path == "/hang"), Is.EqualTo(1));
        Assert.That(withHung.Error, Does.Contain("Notifier stuck could not send the Succeeded event").And.Contain("no answer within 3s"));
        Assert.That(delayed - plain, Is.LessThan(TimeSpan.FromSeconds(3 + 3)), $"without notifier {plain}, with a hung one {delayed}: at most the 3 s timeout more (plus noise)");
    }

    [Test]
    public async Task Verify_DamagedBackup_NotifierHearsVerificationFailed()
    {
        var (good, _) = await TargetsAsync();
        await using var endpoint = await RecordingEndpoint.StartAsync();
        (string, string)[] hook = [.. Notifier(0, "hook", "webhook", ("Url", endpoint.Url("/verify")))];
        Assert.That((await BackupAsync([], good.Name)).Code, Is.EqualTo(0));
        var (file, _) = Backups.SingleBackup();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);

        var verify = await BaktainerProcess.RunAsync(Backups.Environment(hook), "verify", "--all");

        Assert.That(verify.Code, Is.EqualTo(1), verify.Out + verify.Error);
        var body = JsonDocument.Parse(endpoint.Requests.Single(r => r.Path == "/verify").Body).RootElement;
        Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("backup.verification_failed"));
        Assert.That(body.GetProperty("data").GetProperty("target").GetString(), Is.EqualTo(good.Name));
        Assert.That(body.GetProperty("data").GetProperty("error").GetString(), Does.Contain("SHA-256").IgnoreCase.Or.Contain("sha256").IgnoreCase);
    }
}
