using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;
using Baktainer.Tests.Shared.Smtp;

namespace EndToEnd.Tests.Notifications;

/// <summary>
/// The email notifier against an SMTP sink that takes mail only after STARTTLS and AUTH (aiosmtpd with
/// a throw-away certificate the daemon is told to trust through SSL_CERT_FILE, as a private CA is):
/// a real backup's mail arrives; a wrong password or an untrusted certificate sends nothing, is
/// logged with the notifier's name and never shows the password, and the backup still succeeds.
/// </summary>
[Category("Docker")]
public sealed class EmailTlsTests : EndToEndTest
{
    private const string Password = "smtp-pass-value";

    [Test]
    public async Task Backup_SinkRequiringStartTlsAndAuth_MailOnlyWithTrustedCertificateAndRightPassword()
    {
        var db = Track(await DatabaseContainers.StartSqliteAsync(TestContainer.UniqueName("mail-tls"), new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "sqlite", ["baktainer.db.name"] = "/data/app.db",
        }));
        await DatabaseContainers.SqliteAsync(db, "/data/app.db", "create table t(x);");
        using var sink = await SmtpSink.StartWithTlsAsync("backup-bot", Password);

        async Task<(int Code, string Output)> BackupAsync(string password, bool trusted)
        {
            (string, string)[] environment =
            [
                ("BT_NOTIFY_SUCCESS", "true"), ("BT_NOTIFICATION_CHANNELS", "email"), ("BT_EMAIL_HOST", "127.0.0.1"), ("BT_EMAIL_PORT", sink.Port.ToString()),
                ("BT_EMAIL_STARTTLS", "true"), ("BT_EMAIL_USER", "backup-bot"), ("BT_EMAIL_PASSWORD", password), ("BT_EMAIL_FROM", "bt@example.com"),
                ("BT_EMAIL_TO", "ops@example.com"), ("Baktainer__Channels__Email__Retries", "0"),
                .. trusted ? [("SSL_CERT_FILE", sink.CertificateFile!)] : Array.Empty<(string, string)>(),
            ];
            var (code, output, error) = await BaktainerProcess.RunAsync(Backups.Environment(environment), "backup", "--target", db.Name);
            await TestContext.Out.WriteLineAsync($"backup (password {(password == Password ? "right" : "wrong")}, trusted {trusted}) -> {code}\n{output}{error}");
            return (code, output + error);
        }

        var wrongPassword = await BackupAsync("not-the-password", trusted: true);
        var untrusted = await BackupAsync(Password, trusted: false);
        Assert.That(sink.Messages, Is.Empty, "no mail without the right password over a trusted STARTTLS");
        var good = await BackupAsync(Password, trusted: true);

        Assert.That((wrongPassword.Code, untrusted.Code, good.Code), Is.EqualTo((0, 0, 0)), "a notifier never changes the backup's result");
        var mail = (await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10))).Single();
        Assert.That(mail, Does.Contain($"Subject: [Baktainer] Backup succeeded: {db.Name}"));
        Assert.That(wrongPassword.Output, Does.Contain("Notifier email could not send the Succeeded event").And.Contain("SMTP 127.0.0.1").And.Contain("the server did not accept User and Password"));
        Assert.That(untrusted.Output, Does.Contain("Notifier email could not send the Succeeded event").And.Contain("certificate"), "says why");
        Assert.That(wrongPassword.Output + untrusted.Output + good.Output, Does.Not.Contain(Password).And.Not.Contain("not-the-password"));
    }
}
